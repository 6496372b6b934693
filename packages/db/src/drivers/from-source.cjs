// A worker thread's entry when its module is TypeScript (see `module-thread.ts`): registers tsx's
// require hooks in this thread (no loader thread of its own), then loads the module whose URL is
// the thread's last argument.
const { fileURLToPath } = require("node:url");
require("tsx/cjs/api").register();
require(fileURLToPath(process.argv[process.argv.length - 1]));
