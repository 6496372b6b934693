// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultSiteConfig, type LoaderBoot, workedOutForLoader } from "@assent/core";
import { Window } from "happy-dom";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { distFiles, readDist } from "./dist";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as {
  exports: Record<string, string | Record<string, string>>;
  types: string;
};

/**
 * `window.assent`, as site owners call it (DESIGN.md, "Public conventions"): what the built
 * loader installs and what `AssentApi` declares, neither more nor less.
 */
const WINDOW_ASSENT = [
  "get",
  "has",
  "on",
  "show",
  "acceptAll",
  "rejectAll",
  "set",
  "withdraw",
  "object",
  "optOut",
  "apply",
  "consentId",
];

/** The types `@assent/sdk` gives sites that talk to `window.assent` from their own code. */
const PACKAGE_TYPES = [
  "AssentApi",
  "CatalogueEntry",
  "ChangeDetail",
  "Choice",
  "ConsentMethod",
  "Decision",
  "SiteConfig",
  "SiteService",
];

function targets(entry: string | Record<string, string>): string[] {
  return typeof entry === "string" ? [entry] : Object.values(entry);
}

/** A source file of the package, parsed (syntax only: fast, and enough for names). */
function parsed(file: string): ts.SourceFile {
  const text = readFileSync(new URL(file, root), "utf8");
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
}

/** The names a module exports, types included; it must name them (no `export *`). */
function exportedNames(file: string): string[] {
  const names: string[] = [];
  for (const statement of parsed(file).statements) {
    if (!ts.isExportDeclaration(statement)) continue;
    const clause = statement.exportClause;
    if (!clause || !ts.isNamedExports(clause)) throw new Error(`${file}: export names, not *`);
    names.push(...clause.elements.map((e) => e.name.text));
  }
  return names.sort();
}

/** The members of an interface declared in a file, in their order. */
function interfaceMembers(file: string, name: string): string[] {
  const declaration = parsed(file).statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
  if (!declaration) throw new Error(`no interface ${name} in ${file}`);
  return declaration.members.map((m) => (m.name && ts.isIdentifier(m.name) ? m.name.text : "?"));
}

/** Runs the built loader in a page, as `/s/KEY.js` serves it, and returns what it installed. */
async function installedApi(): Promise<Record<string, unknown>> {
  const window = new Window({
    url: "https://www.example.org/",
    settings: {
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      // The loader requests the banner's chunk at once: no consent host answers here, and
      // nothing leaves the machine (the loader reports the banner as not loaded).
      fetch: {
        interceptor: {
          beforeAsyncRequest: async ({ window }) => new window.Response("", { status: 404 }),
        },
      },
    },
  });
  const config = defaultSiteConfig("example");
  const boot: LoaderBoot = {
    config,
    configHash: "0".repeat(64),
    api: "https://consent.example.org",
    ui: "https://consent.example.org/sdk/ui.js",
    ...workedOutForLoader(config),
  };
  const script = window.document.createElement("script");
  script.textContent = `window.__assent_boot=${JSON.stringify(boot)};\n${readDist("loader.js")}`;
  window.document.head.appendChild(script);
  const api = { ...(window as unknown as { assent?: Record<string, unknown> }).assent };
  // Once the stored decision is read (a microtask later) the loader imports the banner's chunk:
  // that import is started before the window is aborted (happy-dom never settles one started
  // while it aborts).
  await new Promise((resolve) => setTimeout(resolve, 0));
  await window.happyDOM.abort();
  await window.happyDOM.close();
  return api;
}

describe("@assent/sdk exports map", () => {
  it.each(Object.entries(pkg.exports))("%s resolves to a real file", (_name, entry) => {
    for (const target of targets(entry))
      expect(existsSync(new URL(target, root)), target).toBe(true);
  });

  it("declares its types", () => {
    expect(existsSync(new URL(pkg.types, root))).toBe(true);
  });

  it("gives sites exactly the types of window.assent, its events and its configuration", () => {
    const entry = pkg.exports["."];
    const types = typeof entry === "string" ? entry : entry?.types;
    expect(types).toBe(pkg.types);
    expect(exportedNames(pkg.types)).toEqual(PACKAGE_TYPES);
  });
});

/**
 * A site's own code that imports `@assent/sdk` (its public entry, as `types` points to it) and
 * declares its own `window.dataLayer`, `fbq` and the like, as sites do: type-checked, its
 * diagnostics.
 */
function siteDiagnostics(): string[] {
  const site = fileURLToPath(new URL("checks/site.ts", root));
  const source = `import type { AssentApi } from "../${pkg.types.replace(/^\.\//, "").replace(/\.ts$/, "")}";
declare global {
  interface Window {
    dataLayer: Record<string, unknown>[];
    fbq: { (...args: unknown[]): void; queue: unknown[] };
    __assent_boot: string;
  }
}
export const api: AssentApi | undefined = window.assent;
window.dataLayer.push({ event: "page_view" });
`;
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file === site || fileExists(file);
  host.readFile = (file) => (file === site ? source : readFile(file));
  host.getSourceFile = (file, language, ...rest) =>
    file === site
      ? ts.createSourceFile(file, source, language)
      : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([site], options, host);
  // Where a clash is reported: the site's declarations, and those `@assent/sdk` makes.
  return [site, fileURLToPath(new URL("src/contract.ts", root))].flatMap((file) =>
    ts
      .getPreEmitDiagnostics(program, program.getSourceFile(file))
      .map((d) => `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`),
  );
}

describe("the types @assent/sdk adds to a site's Window", () => {
  it("are window.assent alone: a site's own dataLayer, fbq and the like do not clash", () => {
    expect(siteDiagnostics()).toEqual([]);
  }, 30_000);
});

describe("window.assent", () => {
  it("is what the built loader installs: every documented method, nothing else", async () => {
    const api = await installedApi();
    expect(Object.keys(api).sort()).toEqual([...WINDOW_ASSENT].sort());
    for (const name of WINDOW_ASSENT) expect(typeof api[name], name).toBe("function");
  });

  it("is what AssentApi declares to sites' own code", () => {
    expect(interfaceMembers("src/contract.ts", "AssentApi")).toEqual(WINDOW_ASSENT);
  });
});

describe("what the API reads from dist", () => {
  it("finds the loader and exactly one UI chunk, by the pattern the API uses", () => {
    const files = distFiles();
    expect(files).toContain("loader.js");
    // apps/api/src/runtime/node/assets.ts and apps/api/scripts/build-worker.ts
    expect(files.filter((f) => /^ui-[\w-]+\.js$/.test(f))).toHaveLength(1);
  });
});
