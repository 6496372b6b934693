import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The deployment files the suite runs: deploy/Caddyfile, the unit and the env templates. */
export const DEPLOY = join(REPO, "deploy");
/** Where the unit expects the repository to be installed. */
const INSTALL_DIR = "/opt/assent";

/** `KEY=VALUE` lines of an environment file (systemd's EnvironmentFile), comments skipped. */
export function readEnvFile(path: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line);
    if (match) env[match[1] as string] = (match[2] as string).trim().replace(/^"(.*)"$/, "$1");
  }
  return env;
}

/**
 * How deploy/assent@.service starts an instance: its ExecStart, with the unit's node replaced by
 * the one running the suite, in its WorkingDirectory with /opt/assent standing for this
 * repository. So the suite runs the unit's very command line.
 */
export function instanceCommand(): { command: string; cwd: string } {
  const unit = readFileSync(join(DEPLOY, "assent@.service"), "utf8");
  const value = (key: string) => {
    const match = new RegExp(`^${key}=(.+)$`, "m").exec(unit);
    if (!match) throw new Error(`deploy/assent@.service has no ${key}=`);
    return (match[1] as string).trim();
  };
  const [program, ...args] = value("ExecStart").split(/\s+/);
  if (!program?.endsWith("/node")) throw new Error(`ExecStart runs ${program}, not node`);
  const cwd = value("WorkingDirectory").replace(INSTALL_DIR, REPO);
  return { command: [JSON.stringify(process.execPath), ...args].join(" "), cwd };
}

/**
 * Free TCP ports on every interface (Caddy listens on all of them), the first also free for UDP
 * (Caddy's HTTP/3 shares the HTTPS port). Found in a child process so the config can stay
 * synchronous; the runner calls this once and passes the ports to its workers in the environment.
 */
export function freePorts(count: number): number[] {
  const script = `
    const net = require("node:net"), dgram = require("node:dgram");
    const listen = (s, port) => new Promise((ok, ko) => { s.once("error", ko); s.listen(port, ok); });
    const bindUdp = (type, port) => new Promise((ok) => {
      const u = dgram.createSocket(type);
      u.once("error", (e) => ok(e.code === "EAFNOSUPPORT"));
      u.bind(port, () => u.close(() => ok(true)));
    });
    const udpFree = async (port) => (await bindUdp("udp4", port)) && (await bindUdp("udp6", port));
    (async () => {
      const held = [], ports = [];
      while (ports.length < ${count}) {
        const s = net.createServer();
        await listen(s, 0);
        held.push(s);
        const { port } = s.address();
        if (ports.length === 0 && !(await udpFree(port))) continue;
        ports.push(port);
      }
      for (const s of held) s.close();
      console.log(ports.join(","));
    })();`;
  return execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })
    .trim()
    .split(",")
    .map(Number);
}
