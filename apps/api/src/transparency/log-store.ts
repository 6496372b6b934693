import {
  emptyRoot,
  encodeEntryBundle,
  formatCheckpoint,
  HASH_SIZE,
  type ReadTile,
  signNote,
  TILE_HEIGHT,
  TILE_WIDTH,
  type Tile,
} from "@assent/core";
import { type Database, logCheckpoints, logLeaves, logNodes } from "@assent/db";
import { and, asc, between, desc, eq } from "drizzle-orm";
import type { LogKey } from "./log-keys";

/** A signed checkpoint of a site's log. */
export interface StoredCheckpoint {
  size: number;
  /** The signed note (C2SP `tlog-checkpoint` as a `signed-note`). */
  note: string;
}

/**
 * The site's latest checkpoint. A log with nothing integrated yet has the checkpoint of the
 * empty tree, signed on demand (Ed25519 is deterministic: the same note every time).
 */
export async function latestCheckpoint(
  db: Database,
  siteId: number,
  key: LogKey,
): Promise<StoredCheckpoint> {
  const [row] = await db
    .select({ size: logCheckpoints.size, note: logCheckpoints.note })
    .from(logCheckpoints)
    .where(eq(logCheckpoints.siteId, siteId))
    .orderBy(desc(logCheckpoints.size))
    .limit(1);
  if (row) return row;
  const text = formatCheckpoint({ origin: key.name, size: 0, root: await emptyRoot() });
  const note = await signNote(text, {
    name: key.name,
    privateKey: key.privateKey,
    publicKey: key.publicKey,
  });
  return { size: 0, note };
}

/** Thrown by a `ReadTile` for a tile the store does not (yet) hold at that width. */
export class TileMissingError extends Error {}

/**
 * Reads a site's tiles from the stored nodes and leaves: a hash tile is the concatenation of its
 * level's node hashes, an entry bundle the entries with their 2-byte lengths. Throws
 * `TileMissingError` when the tile is not complete at the width asked for.
 */
export function storedTiles(db: Database, siteId: number): ReadTile {
  return async (tile: Tile) => {
    const first = tile.index * TILE_WIDTH;
    const last = first + tile.width - 1;
    if (tile.level === "entries") {
      const rows = await db
        .select({ entry: logLeaves.entry })
        .from(logLeaves)
        .where(and(eq(logLeaves.siteId, siteId), between(logLeaves.idx, first, last)))
        .orderBy(asc(logLeaves.idx));
      if (rows.length !== tile.width) throw new TileMissingError();
      return encodeEntryBundle(rows.map((r) => r.entry));
    }
    const rows = await db
      .select({ hash: logNodes.hash })
      .from(logNodes)
      .where(
        and(
          eq(logNodes.siteId, siteId),
          eq(logNodes.level, tile.level * TILE_HEIGHT),
          between(logNodes.idx, first, last),
        ),
      )
      .orderBy(asc(logNodes.idx));
    if (rows.length !== tile.width) throw new TileMissingError();
    const out = new Uint8Array(tile.width * HASH_SIZE);
    for (const [i, r] of rows.entries()) out.set(r.hash, i * HASH_SIZE);
    return out;
  };
}

/** Where a receipt is in its site's log, once integrated. */
export async function leafOfReceipt(
  db: Database,
  receiptId: string,
): Promise<{ siteId: number; index: number } | null> {
  const [row] = await db
    .select({ siteId: logLeaves.siteId, index: logLeaves.idx })
    .from(logLeaves)
    .where(eq(logLeaves.receiptId, receiptId))
    .limit(1);
  return row ?? null;
}
