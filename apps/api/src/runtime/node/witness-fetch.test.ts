import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Witness } from "@assent/core";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../../test-support/test-app";
import { integrate } from "../../transparency";
import { submitToWitnesses, WitnessAddressNotAllowed } from "../../witness";
import { type ResolveHost, witnessFetch } from "./witness-fetch";

/** A server on 127.0.0.1 that counts the connections made to it and records its requests. */
interface Local {
  port: number;
  connections: number;
  requests: IncomingMessage[];
  server: Server;
}
const open: Local[] = [];

async function local(answer: (req: IncomingMessage) => [number, Record<string, string>, string]) {
  const self: Local = { port: 0, connections: 0, requests: [], server: createServer() };
  self.server.on("connection", () => self.connections++);
  self.server.on("request", (req, res) => {
    self.requests.push(req);
    req.resume();
    req.on("end", () => {
      const [status, headers, body] = answer(req);
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((resolve) => self.server.listen(0, "127.0.0.1", resolve));
  self.port = (self.server.address() as AddressInfo).port;
  open.push(self);
  return self;
}

afterEach(async () => {
  for (const s of open.splice(0)) {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
  }
});

const post = { method: "POST", body: "old 0\n\nnote\n" } as const;
/** A resolver that answers `addresses` for any name, counting its calls. */
const resolving = (...addresses: string[]) => {
  const calls: string[] = [];
  const resolve: ResolveHost = async (host) => {
    calls.push(host);
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, calls };
};

describe("the Node runtime's witness fetch", () => {
  it("refuses localhost once resolved, before any connection", async () => {
    const witness = await local(() => [200, {}, "ok"]);
    const sent = witnessFetch()(`http://localhost:${witness.port}/v1/witness/add-checkpoint`, post);
    await expect(sent).rejects.toBeInstanceOf(WitnessAddressNotAllowed);
    await expect(sent).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1), .*loopback/);
    expect(witness.connections).toBe(0);
  });

  it("resolves the name at each request: one that now points at 127.0.0.1 is refused (rebinding)", async () => {
    const witness = await local(() => [200, {}, "ok"]);
    const dns = resolving("127.0.0.1");
    const url = `http://witness.example:${witness.port}/v1/witness/add-checkpoint`;
    const send = witnessFetch({ resolve: dns.resolve });
    await expect(send(url, post)).rejects.toThrow(/witness\.example resolves to 127\.0\.0\.1/);
    await expect(send(url, post)).rejects.toThrow(/loopback/);
    expect(dns.calls).toEqual(["witness.example", "witness.example"]);
    expect(witness.connections).toBe(0);
  });

  it("refuses a name with any address off the internet, and an address literal without a lookup", async () => {
    const witness = await local(() => [200, {}, "ok"]);
    const mixed = resolving("8.8.8.8", "169.254.169.254");
    await expect(
      witnessFetch({ resolve: mixed.resolve })(`http://witness.example:${witness.port}/`, post),
    ).rejects.toThrow(/169\.254\.169\.254, not a public address \(link-local/);
    const none = resolving();
    const literal = witnessFetch({ resolve: none.resolve });
    await expect(literal(`http://127.0.0.1:${witness.port}/`, post)).rejects.toThrow(/loopback/);
    await expect(literal(`http://[::ffff:7f00:1]:${witness.port}/`, post)).rejects.toThrow(
      /loopback/,
    );
    expect(none.calls).toEqual([]);
    expect(witness.connections).toBe(0);
  });

  it("with private networks allowed, sends to the URL's host and hands a redirect back unfollowed", async () => {
    const target = await local(() => [200, {}, "followed"]);
    const redirector = await local(() => [
      302,
      { Location: `http://127.0.0.1:${target.port}/elsewhere` },
      "",
    ]);
    const send = witnessFetch({ privateNetworks: true });
    const res = await send(`http://localhost:${redirector.port}/v1/witness/add-checkpoint`, post);
    expect(res.status).toBe(302);
    expect(redirector.requests[0]?.headers.host).toBe(`localhost:${redirector.port}`);
    expect(redirector.requests[0]?.method).toBe("POST");
    expect(target.requests).toHaveLength(0);
  });
});

describe("submitting to a witness on the server's own network", () => {
  /** A log with one witness at `url`, a checkpoint to submit, and its witnesses' standing. */
  async function logWithWitness(url: string, witnessPrivateNetworks = false) {
    const log = await createTestApp({
      publicOrigin: "https://consent.a.example",
      witnessPrivateNetworks,
    });
    const admin = await log.admin();
    const vkey = (await (await log.app.request("/v1/witness/vkey")).text()).trim();
    const added = await admin.request("POST", "/v1/admin/sites/demo/witnesses", {
      name: "W",
      url,
      vkey,
    });
    expect(added.status).toBe(201);
    await integrate(log.db, { publicOrigin: () => "https://consent.a.example" });
    const standing = async () => {
      const { witnesses } = await (await admin.get("/v1/admin/sites/demo/witnesses")).json();
      return (witnesses as Witness[])[0]?.lastError;
    };
    return { log, standing };
  }

  it("stores WITNESS_ADDRESS_NOT_ALLOWED for a public name that resolves to 127.0.0.1, and sends nothing", async () => {
    const witness = await local(() => [200, {}, "ok"]);
    const { log, standing } = await logWithWitness(
      `https://witness.example:${witness.port}/v1/witness`,
    );
    try {
      const fetch = witnessFetch({ resolve: resolving("127.0.0.1").resolve });
      expect(await submitToWitnesses(log.db, { fetch, log: () => {} })).toMatchObject([
        { outcome: "failed" },
      ]);
      expect(await standing()).toEqual({
        status: 0,
        code: "WITNESS_ADDRESS_NOT_ALLOWED",
        message: expect.stringMatching(/witness\.example resolves to 127\.0\.0\.1/),
      });
      expect(witness.connections).toBe(0);
    } finally {
      await log.close();
    }
  });

  it.each([
    ["the global fetch (as the Worker sends)", () => undefined],
    ["the Node runtime's fetch", () => witnessFetch({ privateNetworks: true })],
  ])("follows no redirect with %s: a 302 is WITNESS_REDIRECTED", async (_, fetchOf) => {
    const target = await local(() => [200, {}, "followed"]);
    const redirector = await local(() => [
      302,
      { Location: `http://127.0.0.1:${target.port}/v1/witness/add-checkpoint` },
      "",
    ]);
    const { log, standing } = await logWithWitness(
      `http://127.0.0.1:${redirector.port}/v1/witness`,
      true,
    );
    try {
      const fetch = fetchOf();
      await submitToWitnesses(log.db, {
        privateNetworks: true,
        log: () => {},
        ...(fetch ? { fetch } : {}),
      });
      expect(redirector.requests).toHaveLength(1);
      expect(target.requests).toHaveLength(0);
      expect(await standing()).toMatchObject({ status: 302, code: "WITNESS_REDIRECTED" });
    } finally {
      await log.close();
    }
  });
});
