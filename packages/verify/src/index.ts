// The offline verifier of receipt files: the `assent-verify` command and where it reads logs from.
export { main } from "./main";
export { type LogSource, logSource } from "./tile-source";
