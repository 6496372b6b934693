import { sha256Hex } from "@assent/core";
import { type Database, witnessedLogs } from "@assent/db";
import { isNotNull } from "drizzle-orm";
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { ApiError, badRequest } from "../errors";
import { bodyLimit, bodyText } from "../limits";
import { publicResource } from "../security";
import { addCheckpoint } from "./add-checkpoint";
import { witnessKeyFor, witnessName } from "./witness-key";

/** An add-checkpoint body is a checkpoint, its signatures and at most 63 hashes: 32 KB is ample. */
export const MAX_SUBMISSION_BYTES = 32 * 1024;

async function cosignedByOriginHash(db: Database, originHash: string) {
  const rows = await db
    .select({ origin: witnessedLogs.origin, note: witnessedLogs.note })
    .from(witnessedLogs)
    .where(isNotNull(witnessedLogs.note));
  for (const row of rows) if ((await sha256Hex(row.origin)) === originHash) return row.note;
  return null;
}

/**
 * The witness (C2SP tlog-witness) under `/v1/witness/`: `add-checkpoint` cosigns a checkpoint
 * of a log this server witnesses when it extends the one last cosigned, `vkey` is the key it
 * cosigns with, and `<origin hash>/checkpoint` the latest checkpoint it cosigned for a log.
 */
export function witnessRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const now = deps.now ?? Date.now;
  const key = (c: Parameters<AppDeps["origin"]["of"]>[0]) =>
    witnessKeyFor(deps.db, witnessName(deps.origin.of(c)), now());

  app.use(
    "/v1/witness/add-checkpoint",
    bodyLimit(MAX_SUBMISSION_BYTES, `A submission is at most ${MAX_SUBMISSION_BYTES} bytes`),
  );
  app.post("/v1/witness/add-checkpoint", async (c) => {
    const body = await bodyText(c);
    const result = await addCheckpoint(deps.db, await key(c), body, now()).catch((err) => {
      // A known log showing a history that does not extend what was cosigned: evidence.
      if (err instanceof ApiError && err.code === "INCONSISTENT_CHECKPOINT") {
        console.error(`[assent] witness refused a checkpoint: ${err.message}`);
      }
      throw err;
    });
    c.header("Cache-Control", "no-store");
    if (result.kind === "conflict") {
      c.header("Content-Type", "text/x.tlog.size");
      return c.body(`${result.size}\n`, 409);
    }
    c.header("Content-Type", "text/plain; charset=utf-8");
    return c.body(result.lines);
  });

  app.use("/v1/witness/vkey", publicResource);
  app.get("/v1/witness/vkey", async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    c.header("Content-Type", "text/plain; charset=utf-8");
    return c.body(`${(await key(c)).vkey}\n`);
  });

  app.use("/v1/witness/:originHash/checkpoint", publicResource);
  app.get("/v1/witness/:originHash/checkpoint", async (c) => {
    const hash = c.req.param("originHash");
    if (!/^[0-9a-f]{64}$/.test(hash)) {
      throw badRequest("INVALID_PARAMS", "originHash: the SHA-256 of the origin, lowercase hex");
    }
    const note = await cosignedByOriginHash(deps.db, hash);
    if (!note) throw new ApiError("UNKNOWN_LOG", "This witness cosigned no log with that origin");
    c.header("Cache-Control", "public, max-age=60");
    c.header("Content-Type", "text/plain; charset=utf-8");
    return c.body(note);
  });

  return app;
}
