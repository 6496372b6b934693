import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type ReadTile, tilePath } from "@assent/core";

/** Where a log's files are: a directory (a mirror) or a URL prefix (`https://host/v1/sites/KEY/log/`). */
export interface LogSource {
  /** Reads a file of the log (`checkpoint`, `vkey`, `tile/...`) as bytes. */
  read(path: string): Promise<Uint8Array>;
  readTile: ReadTile;
}

/**
 * A log's files from a directory or an http(s) URL prefix, laid out as C2SP tlog-tiles.
 * @example const source = logSource("https://consent.example.org/v1/sites/demo/log/");
 */
export function logSource(location: string): LogSource {
  const remote = /^https?:\/\//.test(location);
  const read = async (path: string): Promise<Uint8Array> => {
    if (!remote) return new Uint8Array(await readFile(join(location, path)));
    const url = new URL(path, location.endsWith("/") ? location : `${location}/`);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  };
  return { read, readTile: (tile) => read(tilePath(tile)) };
}
