import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const TOOL = fileURLToPath(new URL("../../../../tools/tlog-interop/", import.meta.url));
const CACHE = fileURLToPath(
  new URL("../../../../node_modules/.cache/tlog-interop/", import.meta.url),
);
const run = promisify(execFile);

/** Why Go cannot be used here, or `null` when it can. */
export function goMissing(): string | null {
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) return "`go` is not installed (apt-get install golang-go)";
  const gopath = process.env.TLOG_INTEROP_GOPATH ?? "/usr/share/gocode";
  const mod = spawnSync("test", ["-d", join(gopath, "src/golang.org/x/mod/sumdb/tlog")]);
  if (mod.status !== 0) {
    return `golang.org/x/mod is not under ${gopath} (apt-get install golang-golang-x-mod-dev)`;
  }
  return null;
}

/**
 * Builds tools/tlog-interop once per source version (GOPATH mode against Debian's
 * golang.org/x/mod, offline) and caches the binary under node_modules/.cache.
 */
export async function buildInterop(): Promise<string> {
  const hash = createHash("sha256");
  for (const name of (await readdir(TOOL)).filter((n) => n.endsWith(".go")).sort()) {
    hash.update(name).update(await readFile(join(TOOL, name)));
  }
  const version = hash.digest("hex").slice(0, 16);
  const bin = join(CACHE, `tlog-interop-${version}`);
  const built = await stat(bin).then(
    () => true,
    () => false,
  );
  if (built) return bin;
  await mkdir(CACHE, { recursive: true });
  const gopath = process.env.TLOG_INTEROP_GOPATH ?? "/usr/share/gocode";
  // Built beside its final name, then renamed: test files building at once never see half a
  // binary, nor overwrite one that is running.
  const partial = `${bin}.${process.pid}.${Date.now()}.tmp`;
  await run("go", ["build", "-o", partial, "."], {
    cwd: TOOL,
    env: {
      ...process.env,
      GO111MODULE: "off",
      GOPATH: gopath,
      GOCACHE: join(CACHE, "go-build"),
      GOFLAGS: "",
      GOPROXY: "off",
    },
  });
  await rename(partial, bin);
  return bin;
}

/** Runs the interop program; resolves with its exit code and parsed JSON (or raw) output. */
export async function runInterop(
  bin: string,
  args: string[],
): Promise<{ code: number; report: Record<string, unknown>; stderr: string }> {
  let code = 0;
  let stdout = "";
  let stderr = "";
  try {
    ({ stdout, stderr } = await run(bin, args, { maxBuffer: 64 * 1024 * 1024 }));
  } catch (e) {
    const failure = e as { code: number; stdout: string; stderr: string };
    ({ code, stdout, stderr } = failure);
  }
  let report: Record<string, unknown> = {};
  try {
    report = JSON.parse(stdout) as Record<string, unknown>;
  } catch {
    report = { raw: stdout };
  }
  return { code, report, stderr };
}

/**
 * A suite that needs Go: skipped with the reason when Go is missing, except under `CI=true`,
 * where a missing Go fails. `go.bin` is the built program, `go.dir` a scratch directory.
 */
export function describeWithGo(
  name: string,
  body: (go: { readonly bin: string; readonly dir: string }) => void,
): void {
  const missing = goMissing();
  const required = process.env.CI === "true";
  if (missing && !required) console.warn(`${name}: skipped: ${missing}`);
  (missing && !required ? describe.skip : describe)(name, () => {
    const go = { bin: "", dir: "" };
    beforeAll(async () => {
      go.dir = await mkdtemp(join(tmpdir(), "assent-interop-"));
      if (!missing) go.bin = await buildInterop();
    }, 180_000);
    afterAll(async () => rm(go.dir, { recursive: true, force: true }));
    it("has Go installed (CI requires it)", () => {
      expect(missing, missing ?? "").toBeNull();
    });
    // Without Go (and under CI) the failure above says why; the suite's own steps would only
    // fail again less clearly.
    if (!missing) body(go);
  });
}
