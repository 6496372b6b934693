// A worker thread's entry when its module is TypeScript (see `module-thread.ts`): registers tsx
// in this thread, then imports the module whose URL is the thread's last argument.
import { argv } from "node:process";
import { register } from "tsx/esm/api";

register();
await import(argv[argv.length - 1]);
