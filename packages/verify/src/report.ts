// The command's report: core's checks, judged by where their keys came from (the user or the
// file), the checkpoint's origin against the receipt's site, and the fields no signature covers.
import {
  parseCheckpoint,
  type ReceiptFileCheck,
  type ReceiptFileCheckName,
  type ReceiptFileReport,
  SIGNED_RECEIPT_FIELDS,
  splitNote,
} from "@assent/core";

/** One check of the report; `untrusted` when it rests only on keys read from the file itself. */
export interface VerifyCheck extends ReceiptFileCheck {
  untrusted?: true;
}

/** What `assent-verify` reports: `ok` only when every check passed with keys the user gave. */
export interface VerifyReport {
  ok: boolean;
  checks: VerifyCheck[];
  /** The checks that rest only on the file's own keys (not `ok` unless the user trusts them). */
  untrusted: ReceiptFileCheckName[];
  /** What is not a check but worth knowing: receipt fields the signature does not cover. */
  warnings: string[];
}

/** Which keys the user gave, rather than the file. */
export interface Trust {
  vkey: boolean;
  jwks: boolean;
  witnesses: boolean;
  /** `--trust-file-keys`: the user accepts the file's own keys (the report still names them). */
  fileKeys: boolean;
}

/** Exit codes: every check passed; a check failed; usage or read error; passed on file keys only. */
export const EXIT = { ok: 0, failed: 1, usage: 2, untrusted: 3 } as const;

/** The receipt file's fields this report reads, whatever the file holds. */
interface FileView {
  receipt?: Record<string, unknown>;
  log?: { checkpoint?: unknown };
}

const SIGNED: readonly string[] = [...SIGNED_RECEIPT_FIELDS, "proof"];

/** The receipt's fields that no signature covers (anyone could have added them to the file). */
export function unsignedFields(file: unknown): string[] {
  const receipt = (file as FileView | null)?.receipt;
  if (typeof receipt !== "object" || receipt === null) return [];
  return Object.keys(receipt).filter((field) => !SIGNED.includes(field));
}

/** The origin the receipt's site's log has: it ends in `/v1/sites/<siteKey>/log`. */
function wrongOrigin(file: FileView): string | null {
  const siteKey = file.receipt?.siteKey;
  let origin: string;
  try {
    origin = parseCheckpoint(splitNote(String(file.log?.checkpoint)).text).origin;
  } catch {
    return null; // The checkpoint check already says why it is unreadable.
  }
  const expected = `/v1/sites/${String(siteKey)}/log`;
  return origin.endsWith(expected)
    ? null
    : `the checkpoint is of ${origin}, not of the receipt's site's log (…${expected})`;
}

/**
 * Whether a check's key came from the file rather than from the user. The signature is vouched
 * for by `--jwks`, or by `--vkey`: the log's entry is the receipt's signed digest, so a trusted
 * checkpoint that includes it proves the receipt whatever JWKS the file carries (the report
 * fails unless `entry`, `checkpoint` and `inclusion` all pass).
 */
function restsOnFile(check: ReceiptFileCheckName, trust: Trust): boolean {
  if (check === "signature") return !trust.jwks && !trust.vkey;
  if (check === "checkpoint" || check === "inclusion" || check === "consistency") {
    return !trust.vkey;
  }
  if (check === "cosignature") return !trust.witnesses;
  return false;
}

/**
 * Judges core's report: the checkpoint must be of the receipt's site's log; what rests on an
 * unverified checkpoint is not checked; checks on the file's own keys are untrusted (not `ok`
 * unless `trust.fileKeys`); unsigned receipt fields are warned about.
 */
export function judge(report: ReceiptFileReport, file: unknown, trust: Trust): VerifyReport {
  const view = (typeof file === "object" && file !== null ? file : {}) as FileView;
  const checks: VerifyCheck[] = report.checks.map((c) => ({ ...c }));
  const checkpoint = checks.find((c) => c.check === "checkpoint");
  const origin = checkpoint ? wrongOrigin(view) : null;
  if (checkpoint && origin) {
    checkpoint.detail = checkpoint.ok ? origin : `${checkpoint.detail}; ${origin}`;
    checkpoint.ok = false;
  }
  const unverified = checkpoint?.ok === false;
  for (const c of checks) {
    if (unverified && c.ok && (c.check === "inclusion" || c.check === "consistency")) {
      c.ok = false;
      c.detail = "not checked: the checkpoint did not verify, so its tree proves nothing";
    }
    if (c.ok && restsOnFile(c.check, trust)) {
      c.untrusted = true;
      c.ok = trust.fileKeys;
    }
  }
  const untrusted = checks.filter((c) => c.untrusted).map((c) => c.check);
  const unsigned = unsignedFields(file);
  const warnings = unsigned.length
    ? [`not covered by the signature, so not part of the receipt: ${unsigned.join(", ")}`]
    : [];
  return { ok: checks.every((c) => c.ok), checks, untrusted, warnings };
}

/** The exit code of a judged report. */
export function exitCode(report: VerifyReport): number {
  if (report.ok) return EXIT.ok;
  return report.checks.some((c) => !c.ok && !c.untrusted) ? EXIT.failed : EXIT.untrusted;
}

const status = (c: VerifyCheck) => (c.ok ? "ok" : c.untrusted ? "UNTRUSTED" : "FAIL");

/** Prints one line per check and warning, then the verdict. */
export function print(report: VerifyReport, out: (line: string) => void): void {
  const width = Math.max(4, ...report.checks.map((c) => status(c).length));
  for (const c of report.checks) {
    out(`${status(c).padEnd(width)} ${c.check.padEnd(11)} ${c.detail}`);
  }
  for (const w of report.warnings) out(`${"warn".padEnd(width)} ${"receipt".padEnd(11)} ${w}`);
  const failed = report.checks.filter((c) => !c.ok && !c.untrusted).map((c) => c.check);
  if (failed.length) out(`FAILED: ${failed.join(", ")}`);
  const names = report.untrusted.join(", ");
  if (report.ok) {
    out(
      names ? `all checks passed, trusting the file's own keys for: ${names}` : "all checks passed",
    );
  } else if (names) {
    out(
      `UNTRUSTED: ${names} (they rest only on keys in the file: pass --vkey and --jwks from a source you trust, or --trust-file-keys)`,
    );
  }
}
