import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { sdkModules } from "../src/runtime/node/assets";
import { isContentHashed } from "../src/sdk-archive";

const API = fileURLToPath(new URL("../", import.meta.url));
const SDK_DIST = fileURLToPath(new URL("../../../packages/sdk/dist/", import.meta.url));

/** Largest number of rules Cloudflare reads from a `_headers` file. */
const MAX_HEADER_RULES = 100;

/**
 * The `_headers` of the Workers static assets, applied before the Worker runs: every SDK file
 * may be loaded from any origin (`Access-Control-Allow-Origin: *` for module imports,
 * `Cross-Origin-Resource-Policy: cross-origin` for pages isolated with COEP), content-hashed
 * files are cached for a year, the others (`loader.js`) for five minutes, as the Node entry does.
 * One `Cache-Control` rule per file: Cloudflare joins a header set by two matching rules.
 * @param files paths under `/sdk/`, e.g. `lang/de-cdMaXO8a.js`
 */
export function sdkHeaders(files: string[]): string {
  if (files.length + 1 > MAX_HEADER_RULES) {
    throw new Error(`${files.length} SDK files: more than a _headers file can give rules to`);
  }
  const rule = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  return `${[
    "# Written by apps/api/scripts/build-worker.ts.",
    rule("/sdk/*", {
      "Access-Control-Allow-Origin": "*",
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Timing-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    }),
    ...files.map((file) =>
      rule(`/sdk/${file}`, {
        "Cache-Control": isContentHashed(file)
          ? "public, max-age=31536000, immutable"
          : "public, max-age=300",
      }),
    ),
  ].join("\n\n")}\n`;
}

/**
 * Bundles the Worker (`src/runtime/workers/index.ts`) into `dist/worker/index.js`, with the
 * built SDK's loader and content-hashed modules inlined as text, and copies the SDK into `dist/worker/public/sdk/` for the
 * Workers static assets, with their `_headers` (`sdkHeaders`). Build the SDK first (`pnpm build`).
 * @returns the path of the bundle
 */
export async function buildWorker(outdir = `${API}dist/worker`): Promise<string> {
  const ui = existsSync(SDK_DIST)
    ? readdirSync(SDK_DIST).find((f) => /^ui-[\w-]+\.js$/.test(f))
    : undefined;
  if (!ui || !existsSync(`${SDK_DIST}loader.js`)) {
    throw new Error(`The SDK is not built (${SDK_DIST}): run \`pnpm build\` first.`);
  }
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(`${outdir}/public`, { recursive: true });
  // Build metadata (`.vite/` manifests, if any) is not served.
  cpSync(SDK_DIST, `${outdir}/public/sdk`, {
    recursive: true,
    filter: (from) => !/[\\/]\./.test(from.slice(SDK_DIST.length - 1)),
  });
  const sdk = `${outdir}/public/sdk`;
  const files = readdirSync(sdk, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(sdk, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
  writeFileSync(`${outdir}/public/_headers`, sdkHeaders(files));
  const loaderSource = readFileSync(`${SDK_DIST}loader.js`, "utf8");
  // Recorded in D1 at the Worker's start, for the instances of other builds (`sdk-archive`).
  const sdkFiles = sdkModules(SDK_DIST);
  const autoblockSource = readFileSync(`${SDK_DIST}autoblock.js`, "utf8");
  await esbuild.build({
    entryPoints: [`${API}src/runtime/workers/index.ts`],
    outfile: `${outdir}/index.js`,
    bundle: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "import", "default"],
    minifySyntax: true,
    logLevel: "warning",
    plugins: [
      {
        name: "assent-sdk",
        setup(build) {
          build.onResolve({ filter: /^assent:sdk$/ }, () => ({ path: "sdk", namespace: "assent" }));
          build.onLoad({ filter: /.*/, namespace: "assent" }, () => ({
            contents: `export const loaderSource = ${JSON.stringify(loaderSource)};\nexport const uiPath = ${JSON.stringify(`/sdk/${ui}`)};\nexport const autoblockSource = ${JSON.stringify(autoblockSource)};\nexport const sdkFiles = ${JSON.stringify(sdkFiles)};\n`,
            loader: "js",
          }));
        },
      },
    ],
  });
  return `${outdir}/index.js`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWorker().then(
    (file) => console.log(`worker bundle: ${file}`),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
