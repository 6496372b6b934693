#!/usr/bin/env node
// assent-verify: checks a receipt file offline. Runs the TypeScript sources through tsx.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2));
