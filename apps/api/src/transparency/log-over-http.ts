import { type ReadTile, type Tile, tilePath } from "@assent/core";

/** A site's log read over HTTP, as a mirror or an auditor reads it (for tests). */
export interface LogOverHttp {
  checkpoint(): Promise<string>;
  vkey(): Promise<string>;
  /** Fetches a tile; throws on any status but 200, naming it. */
  readTile: ReadTile;
}

/**
 * Reads the log under `prefix` (`/v1/sites/demo/log/`) through `fetch` (an app's `request`, or
 * the global one with a base URL).
 */
export function logOverHttp(
  fetch: (path: string) => Response | Promise<Response>,
  prefix: string,
): LogOverHttp {
  const text = async (path: string) => {
    const res = await fetch(`${prefix}${path}`);
    if (res.status !== 200) throw new Error(`GET ${prefix}${path}: ${res.status}`);
    return res.text();
  };
  return {
    checkpoint: () => text("checkpoint"),
    vkey: async () => (await text("vkey")).trim(),
    readTile: async (tile: Tile) => {
      const res = await fetch(`${prefix}${tilePath(tile)}`);
      if (res.status !== 200) throw new Error(`GET ${tilePath(tile)}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}
