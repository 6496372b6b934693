import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const API = fileURLToPath(new URL("../", import.meta.url));
const SDK_DIST = fileURLToPath(new URL("../../../packages/sdk/dist/", import.meta.url));

interface PluginBuild {
  onResolve(o: { filter: RegExp }, f: () => { path: string; namespace: string }): void;
  onLoad(
    o: { filter: RegExp; namespace: string },
    f: () => { contents: string; loader: "js" },
  ): void;
}

/** The part of esbuild's API used here. */
interface Esbuild {
  build(
    options: Record<string, unknown> & {
      plugins: Array<{ name: string; setup(build: PluginBuild): void }>;
    },
  ): Promise<unknown>;
}

/** esbuild comes with the toolchain (through tsx), not as a dependency of its own. */
const esbuild = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))(
  "esbuild",
) as Esbuild;

/**
 * Bundles the Worker (`src/runtime/workers/index.ts`) into `dist/worker/index.js`, with the
 * built SDK's loader inlined as text, and copies the SDK into `dist/worker/public/sdk/` for the
 * Workers static assets. Build the SDK first (`pnpm build`).
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
  cpSync(SDK_DIST, `${outdir}/public/sdk`, { recursive: true });
  const loaderSource = readFileSync(`${SDK_DIST}loader.js`, "utf8");
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
            contents: `export const loaderSource = ${JSON.stringify(loaderSource)};\nexport const uiPath = ${JSON.stringify(`/sdk/${ui}`)};\n`,
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
