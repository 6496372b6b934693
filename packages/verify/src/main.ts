import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  parseCheckpoint,
  proveConsistency,
  type ReceiptFileOptions,
  splitNote,
  toBase64,
  verifyReceiptFile,
} from "@assent/core";
import { latestExtends } from "./latest-checkpoint";
import { EXIT, exitCode, judge, print } from "./report";
import { logSource } from "./tile-source";

const USAGE = `usage: assent-verify <receipt-file.json> [options]

Checks a consent receipt file offline: the receipt's signature, its log entry, the signed
checkpoint, the entry's inclusion, and optionally consistency with an older checkpoint and
witnesses' cosignatures. Exits 0 when every check passed with keys you gave, 1 when a check
fails, 2 on a usage or read error, 3 when nothing failed but some checks rest only on the keys
inside the file (UNTRUSTED: anyone can make a file whose own keys vouch for it).

  --vkey KEY         the log's verifier key (type 0x01), from a source you trust
  --jwks FILE|URL    the site's receipt signing keys (JWKS JSON), from a source you trust, e.g.
                     https://HOST/v1/sites/KEY/jwks
  --older FILE       an older checkpoint you kept: a signed note, or JSON { note, consistency }
  --log DIR|URL      the log as it is now (a mirror, or https://HOST/v1/sites/KEY/log/): checks
                     that its latest checkpoint still extends the file's, and proves consistency
                     with --older when that file carries no proof
  --witness KEY      a witness verifier key whose cosignature must be on the checkpoint (repeat)
  --trust-file-keys  accept the file's own keys where you gave none (the report still names them)
  --json             print the report as JSON
`;

interface Args {
  file: string;
  vkey?: string;
  jwks?: string;
  older?: string;
  log?: string;
  witnesses: string[];
  json: boolean;
  trustFileKeys: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { file: "", witnesses: [], json: false, trustFileKeys: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith("--")) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--vkey") args.vkey = value(i++, arg);
    else if (arg === "--jwks") args.jwks = value(i++, arg);
    else if (arg === "--older") args.older = value(i++, arg);
    else if (arg === "--log") args.log = value(i++, arg);
    else if (arg === "--witness") args.witnesses.push(value(i++, arg));
    else if (arg === "--json") args.json = true;
    else if (arg === "--trust-file-keys") args.trustFileKeys = true;
    else if (arg.startsWith("--")) throw new UsageError(`unknown option ${arg}`);
    else if (args.file) throw new UsageError(`one receipt file at a time (got ${arg})`);
    else args.file = arg;
  }
  if (!args.file) throw new UsageError("which receipt file?");
  return args;
}

/** Paths are relative to where the user ran the command (pnpm scripts change directory). */
const fromUser = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

async function olderCheckpoint(
  args: Args,
  file: unknown,
): Promise<ReceiptFileOptions["olderCheckpoint"]> {
  if (!args.older) return undefined;
  const text = await readFile(fromUser(args.older), "utf8");
  if (text.trimStart().startsWith("{")) {
    const json = JSON.parse(text) as { note?: string; checkpoint?: string; consistency?: string[] };
    return { note: json.note ?? json.checkpoint ?? "", consistency: json.consistency ?? [] };
  }
  if (!args.log)
    throw new UsageError("--older with a bare checkpoint needs --log to prove consistency");
  const current = (file as { log?: { checkpoint?: string } }).log?.checkpoint ?? "";
  const oldSize = parseCheckpoint(splitNote(text).text).size;
  const newSize = parseCheckpoint(splitNote(current).text).size;
  const source = logSource(args.log);
  const proof = await proveConsistency(oldSize, newSize, source.readTile);
  return { note: text, consistency: proof.map(toBase64) };
}

/** The site's JWKS the user trusts, from a file or a URL, in place of the file's own. */
async function trustedJwks(location: string): Promise<unknown> {
  let text: string;
  if (/^https?:\/\//.test(location)) {
    const res = await fetch(location);
    if (!res.ok) throw new Error(`GET ${location} answered ${res.status}`);
    text = await res.text();
  } else text = await readFile(fromUser(location), "utf8");
  const jwks = JSON.parse(text) as { keys?: unknown };
  if (!Array.isArray(jwks?.keys)) throw new UsageError(`--jwks ${location} is not a JWKS`);
  return jwks;
}

/**
 * Runs `assent-verify` with its arguments; returns the exit code (0 all checks passed with keys
 * the user gave, 1 a check failed, 2 a usage or read error, 3 some checks rest only on the
 * file's own keys).
 * @example process.exitCode = await main(process.argv.slice(2));
 */
export async function main(
  argv: string[],
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  if (argv.includes("--help") || argv.includes("-h")) {
    out(USAGE);
    return EXIT.ok;
  }
  try {
    const args = parseArgs(argv);
    const file = JSON.parse(await readFile(fromUser(args.file), "utf8")) as unknown;
    const jwks = args.jwks ? await trustedJwks(args.jwks) : undefined;
    const input = jwks && typeof file === "object" ? { ...file, jwks } : file;
    const report = await verifyReceiptFile(input, {
      vkey: args.vkey,
      olderCheckpoint: await olderCheckpoint(args, file),
      witnesses: args.witnesses.length ? args.witnesses : undefined,
    });
    if (args.log) {
      const checkpoint = (file as { log?: { checkpoint?: unknown } }).log?.checkpoint;
      const vkey = args.vkey ?? (file as { log?: { vkey?: unknown } }).log?.vkey;
      if (typeof checkpoint === "string" && typeof vkey === "string") {
        report.checks.push(await latestExtends(checkpoint, vkey, logSource(args.log)));
      }
    }
    const judged = judge(report, file, {
      vkey: args.vkey !== undefined,
      jwks: jwks !== undefined,
      witnesses: args.witnesses.length > 0,
      fileKeys: args.trustFileKeys,
    });
    if (args.json) out(JSON.stringify(judged, null, 2));
    else print(judged, out);
    return exitCode(judged);
  } catch (e) {
    err(`assent-verify: ${e instanceof Error ? e.message : String(e)}`);
    if (e instanceof UsageError) err(USAGE);
    return EXIT.usage;
  }
}
