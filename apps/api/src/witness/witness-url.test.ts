import { afterEach, describe, expect, it } from "vitest";
import { createTestApp } from "../test-support/test-app";
import { parseWitnessPrivateNetworks, witnessUrl } from "./witness-url";

let t: Awaited<ReturnType<typeof createTestApp>> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Adds a witness at `url` to the demo site as its owner; the answer and what is stored after. */
async function addWitness(url: string, options: { witnessPrivateNetworks?: boolean } = {}) {
  t = await createTestApp({ publicOrigin: "https://consent.a.example", ...options });
  const admin = await t.admin();
  const vkey = (await (await t.app.request("/v1/witness/vkey")).text()).trim();
  const res = await admin.request("POST", "/v1/admin/sites/demo/witnesses", {
    name: "W",
    url,
    vkey,
  });
  const body = await res.json();
  const { witnesses } = await (await admin.get("/v1/admin/sites/demo/witnesses")).json();
  const audit = JSON.stringify(await (await admin.get("/v1/admin/sites/demo/audit")).json());
  return { status: res.status, body, witnesses, audited: audit.includes("witness.add") };
}

describe("a witness URL, as a site owner gives it", () => {
  it.each([
    ["http://127.0.0.1:8787/v1/witness", /https/],
    ["https://127.0.0.1:8787/v1/witness", /127\.0\.0\.1 is not a public address \(loopback\)/],
    ["https://2130706433/v1/witness", /127\.0\.0\.1 .*loopback/],
    ["https://0x7f.1/v1/witness", /127\.0\.0\.1 .*loopback/],
    ["https://017700000001/", /127\.0\.0\.1 .*loopback/],
    ["https://[::ffff:127.0.0.1]/", /\[::ffff:7f00:1\] .*loopback/],
    ["https://[::1]/", /loopback/],
    ["https://[::]/", /unspecified/],
    ["https://0.0.0.0/", /unspecified/],
    ["https://169.254.169.254/latest/meta-data", /link-local/],
    ["https://[::ffff:169.254.169.254]/", /link-local/],
    ["https://10.0.0.5/", /private/],
    ["https://172.20.1.1/", /private/],
    ["https://192.168.0.10/", /private/],
    ["https://100.100.100.200/", /carrier-grade NAT/],
    ["https://[fd00::1]/", /unique-local/],
    ["https://[fe80::1]/", /link-local/],
    ["https://224.0.0.1/", /multicast/],
    ["https://[ff02::1]/", /multicast/],
    ["https://localhost:8787/v1/witness", /this server itself/],
    ["https://admin.localhost/", /this server itself/],
    ["https://user:pw@witness.example/", /user name or password/],
    ["https://witness.example/v1/witness?x=1", /query/],
    ["https://witness.example/v1/witness#top", /fragment/],
    ["ftp://witness.example/", /must be an http\(s\) URL/],
  ])("refuses %s, says why, and stores nothing", async (url, why) => {
    const { status, body, witnesses, audited } = await addWitness(url);
    expect(status).toBe(400);
    if (url.startsWith("ftp:")) {
      expect(body.error.code).toBe("INVALID_BODY"); // the contract's http(s) check
    } else {
      expect(body.error.code).toBe("WITNESS_URL_NOT_ALLOWED");
    }
    expect(body.error.message).toMatch(why);
    expect(witnesses).toEqual([]);
    expect(audited).toBe(false);
  });

  it.each([
    ["https://witness.example/v1/witness/", "https://witness.example/v1/witness"],
    ["https://8.8.8.8/w", "https://8.8.8.8/w"],
    ["https://WITNESS.example:8443//", "https://witness.example:8443"],
  ])("takes %s as the prefix %s", async (url, prefix) => {
    const { status, body, witnesses } = await addWitness(url);
    expect(status).toBe(201);
    expect(body.url).toBe(prefix);
    expect(witnesses).toMatchObject([{ url: prefix }]);
  });

  it("takes http and private addresses where the operator allows private networks, never credentials", async () => {
    const allowed = await addWitness("http://127.0.0.1:8787/v1/witness", {
      witnessPrivateNetworks: true,
    });
    expect(allowed.status).toBe(201);
    await t?.close();
    const withCredentials = await addWitness("http://user:pw@10.0.0.5/v1/witness", {
      witnessPrivateNetworks: true,
    });
    expect(withCredentials.status).toBe(400);
    expect(withCredentials.body.error.code).toBe("WITNESS_URL_NOT_ALLOWED");
  });
});

describe("WITNESS_PRIVATE_NETWORKS", () => {
  it("is refuse unless set to allow, and nothing else", () => {
    expect(parseWitnessPrivateNetworks(undefined)).toBe(false);
    expect(parseWitnessPrivateNetworks("refuse")).toBe(false);
    expect(parseWitnessPrivateNetworks(" Allow ")).toBe(true);
    expect(() => parseWitnessPrivateNetworks("yes")).toThrow(/"allow" or "refuse"/);
  });

  it("is what the check at each request follows too", () => {
    const url = "http://10.0.0.5/v1/witness";
    expect(witnessUrl(url, {})).toMatchObject({ ok: false });
    expect(witnessUrl(url, { privateNetworks: true })).toEqual({ ok: true, prefix: url });
  });
});
