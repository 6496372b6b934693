/** The built SDK, resolved at bundle time by `scripts/build-worker.ts`. */
declare module "assent:sdk" {
  /** Source of `packages/sdk/dist/loader.js`. */
  export const loaderSource: string;
  /** Path of the content-hashed UI chunk, e.g. `/sdk/ui-3f2a1c.js`. */
  export const uiPath: string;
  /** Source of `packages/sdk/dist/autoblock.js`. */
  export const autoblockSource: string;
  /** The content-hashed modules of `packages/sdk/dist` (path under `/sdk/` to source). */
  export const sdkFiles: Record<string, string>;
}
