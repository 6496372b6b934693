import { CSRF_HEADER } from "@assent/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, OWNER } from "../test-support/test-app";

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t.close());

/** A body whose first bytes arrive and whose connection then drops, as a hung-up client's does. */
function cutOff(first: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first));
      controller.error(new TypeError("terminated"));
    },
  });
}

/** Sends `first` of a body that never arrives whole, without `Content-Length` (chunked). */
function sendCutOff(path: string, first: string, headers: Record<string, string> = {}) {
  return t.app.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: cutOff(first),
    duplex: "half",
  } as RequestInit);
}

async function expectIncomplete(res: Response) {
  expect(res.status).toBe(408);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BODY_INCOMPLETE");
}

describe("a request body cut off on the way", () => {
  it("is 408 BODY_INCOMPLETE on an admin route, and creates nothing", async () => {
    const admin = await t.admin();
    const before = await (await admin.get("/v1/admin/sites")).json();
    await expectIncomplete(
      await sendCutOff("/v1/admin/sites", '{"key":"cut","name":"Cut', {
        Cookie: admin.cookie,
        [CSRF_HEADER]: admin.csrfToken,
      }),
    );
    expect(await (await admin.get("/v1/admin/sites")).json()).toEqual(before);
  });

  it("is 408 BODY_INCOMPLETE when the body stops short of its Content-Length", async () => {
    const admin = await t.admin();
    await expectIncomplete(
      await sendCutOff("/v1/admin/sites", '{"key":"cut","name":"Cut', {
        Cookie: admin.cookie,
        [CSRF_HEADER]: admin.csrfToken,
        "Content-Length": "40",
      }),
    );
  });

  it("is 408 BODY_INCOMPLETE on sign-in, and counts as no attempt", async () => {
    await expectIncomplete(
      await sendCutOff("/v1/admin/session", `{"email":"${OWNER.email}","pass`),
    );
    expect((await t.post("/v1/admin/session", OWNER)).status).toBe(200);
  });

  it("is 408 BODY_INCOMPLETE on a receipt sent without Content-Length", async () => {
    await expectIncomplete(await sendCutOff("/v1/receipts", '{"siteKey":"demo",'));
  });

  it("is 408 BODY_INCOMPLETE on the witness's add-checkpoint", async () => {
    await expectIncomplete(await sendCutOff("/v1/witness/add-checkpoint", "old 0\n"));
  });
});

describe("a request body that is not UTF-8", () => {
  const latin1 = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));

  async function expectNotUtf8(res: Response) {
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("INVALID_ENCODING");
  }

  it("is 400 INVALID_ENCODING on an admin route, and creates nothing in place of the bytes sent", async () => {
    const admin = await t.admin();
    const before = await (await admin.get("/v1/admin/sites")).json();
    const res = await t.app.request("/v1/admin/sites", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Cookie: admin.cookie,
        [CSRF_HEADER]: admin.csrfToken,
      },
      body: latin1('{"key":"cafe","name":"Caf\xe9 des Arts"}'),
    });
    await expectNotUtf8(res);
    expect(await (await admin.get("/v1/admin/sites")).json()).toEqual(before);
  });

  it("is 400 INVALID_ENCODING on the witness's add-checkpoint", async () => {
    const res = await t.app.request("/v1/witness/add-checkpoint", {
      method: "POST",
      body: latin1("old 0\n\nexample.com/log\xff\n1\n"),
    });
    await expectNotUtf8(res);
  });
});
