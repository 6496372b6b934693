import { createServer } from "node:net";

/**
 * A loopback TCP port that is free now, for a server a test starts in another process (an
 * in-process server listens on port 0 and reads its port back instead). The port is released
 * before this resolves, so the child binds it a moment later.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no port assigned"))));
    });
  });
}
