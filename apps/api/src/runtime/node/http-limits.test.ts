import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type NodeServer, startNodeServer } from "./server";

/** Loopback port of this suite: any free one, read back once the server listens. */
let PORT = 0;
/** The whole request must arrive within this; the suite shortens the production 30 s. */
const REQUEST_TIMEOUT = 1000;
const dir = mkdtempSync(join(tmpdir(), "assent-http-limits-"));
let server: NodeServer;

beforeAll(async () => {
  server = await startNodeServer({
    port: 0,
    hostname: "127.0.0.1",
    databaseUrl: `file:${join(dir, "assent.db")}`,
    sdk: { loaderSource: "/* loader */", uiPath: "/sdk/ui-test.js" },
    ownerEmail: "owner@example.org",
    ownerPassword: "correct horse battery staple",
    http: {
      requestTimeout: REQUEST_TIMEOUT,
      headersTimeout: 800,
      connectionsCheckingInterval: 100,
    },
  });
  PORT = server.port;
}, 30_000);
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens a raw socket; resolves what the server sent and when it hung up. */
function rawSocket(): { socket: Socket; closed: Promise<{ text: string; at: number }> } {
  const socket = connect(PORT, "127.0.0.1");
  let text = "";
  socket.on("data", (d) => {
    text += d.toString("latin1");
  });
  socket.on("error", () => {});
  const closed = new Promise<{ text: string; at: number }>((resolve) =>
    socket.on("close", () => resolve({ text, at: performance.now() })),
  );
  return { socket, closed };
}

describe("Node HTTP limits", () => {
  it("cuts off a body that trickles in, while other requests are served", async () => {
    const { socket, closed } = rawSocket();
    const start = performance.now();
    socket.write(
      `POST /v1/receipts HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nContent-Type: application/json\r\n` +
        "Content-Length: 4000\r\n\r\n{",
    );
    const trickle = setInterval(() => socket.writable && socket.write(" "), 100);
    try {
      const served: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        expect((await fetch(`http://127.0.0.1:${PORT}/healthz`)).status).toBe(200);
        served.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(Math.max(...served)).toBeLessThan(500);
      const { text, at } = await closed;
      expect(at - start).toBeLessThan(REQUEST_TIMEOUT + 1500);
      expect(at - start).toBeGreaterThanOrEqual(REQUEST_TIMEOUT - 100);
      expect(text).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });

  it("cuts off a client that never finishes its headers", async () => {
    const { socket, closed } = rawSocket();
    const start = performance.now();
    socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
    const trickle = setInterval(() => socket.writable && socket.write("a"), 100);
    try {
      const { at } = await closed;
      expect(at - start).toBeLessThan(REQUEST_TIMEOUT + 1500);
    } finally {
      clearInterval(trickle);
      socket.destroy();
    }
  });

  it("refuses request headers over 16 KB with 431", async () => {
    const res = await fetch(`http://127.0.0.1:${PORT}/healthz`, {
      headers: { "X-Padding": "a".repeat(17 * 1024) },
    }).catch((err: Error) => err);
    if (res instanceof Response) expect(res.status).toBe(431);
    else expect(res.message).toMatch(/fetch failed|socket/i);
    const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`, {
      headers: { "X-Padding": "a".repeat(8 * 1024) },
    });
    expect(ok.status).toBe(200);
  });

  it("refuses a receipt body over 8 KB with 413 before reading it all", async () => {
    const res = await fetch(`http://127.0.0.1:${PORT}/v1/receipts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ padding: "x".repeat(9000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a chunked receipt body (no Content-Length) once it passes 8 KB", async () => {
    const chunk = new TextEncoder().encode(`{"padding":"${"x".repeat(4000)}`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 4) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await fetch(`http://127.0.0.1:${PORT}/v1/receipts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
