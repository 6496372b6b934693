import {
  type Choice,
  CSRF_HEADER,
  decide,
  newSubjectId,
  type ReceiptInput,
  type SiteConfig,
  uuidv7,
} from "@assent/core";

/** A running API reached over its public doors (HTTP), whatever the runtime. */
export interface HttpTarget {
  /** The API's public origin, e.g. `http://127.0.0.1:8811`. */
  origin: string;
  /** Sends a request to the running app; `path` starts with `/`. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

/** A signed-in dashboard: its cookie and CSRF token, and requests as the browser would send. */
export interface AdminClient {
  cookie: string;
  csrfToken: string;
  /** A request with the cookie, the CSRF token, the public `Origin` and a JSON body. */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  get(path: string): Promise<Response>;
  /** `request` that must succeed (2xx); answers the parsed JSON body. */
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Signs in through `POST /v1/admin/session`, as the dashboard does; throws unless it is 200. */
export async function signIn(
  t: HttpTarget,
  credentials: { email: string; password: string },
): Promise<AdminClient> {
  const res = await t.fetch("/v1/admin/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: t.origin },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get("Set-Cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const request: AdminClient["request"] = (method, path, body, headers = {}) =>
    t.fetch(path, {
      method,
      headers: {
        Cookie: cookie,
        Origin: t.origin,
        [CSRF_HEADER]: csrfToken,
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    cookie,
    csrfToken,
    request,
    get: (path) => request("GET", path),
    json: async (method, path, body) => {
      const res = await request(method, path, body);
      if (res.status >= 300)
        throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? (undefined as never) : res.json();
    },
  };
}

/** The published configuration of a site, as the SDK reads it. */
export async function siteConfig(
  t: HttpTarget,
  siteKey: string,
): Promise<{ hash: string; config: SiteConfig }> {
  const res = await t.fetch(`/v1/sites/${siteKey}/config`);
  if (res.status !== 200) throw new Error(`config of ${siteKey}: ${res.status}`);
  return res.json();
}

/**
 * A valid receipt for `siteKey` under its published configuration `config`: the decision its
 * banner makes for `choice` (analytics granted unless given; nothing for a refusal), as the SDK
 * would send it.
 */
export function receiptFor(
  siteKey: string,
  config: { hash: string; config: SiteConfig },
  overrides: Partial<ReceiptInput> & { choice?: Choice } = {},
): ReceiptInput {
  const refusal = /^(reject-all|withdraw)$/.test(overrides.method ?? "");
  const { choice = refusal ? {} : { categories: { analytics: true } }, ...rest } = overrides;
  return {
    id: uuidv7(),
    siteKey,
    subjectId: newSubjectId(),
    policyVersion: config.config.policyVersion,
    configHash: config.hash,
    language: "en",
    method: "custom",
    decision: decide(config.config, choice),
    gpc: false,
    pagePath: "/join/",
    previousId: null,
    ...rest,
  };
}

/** Posts receipts as browsers do (`POST /v1/receipts`), `parallel` at a time; throws on a non-201. */
export async function postReceipts(
  t: HttpTarget,
  receipts: ReceiptInput[],
  parallel = 10,
): Promise<void> {
  for (let i = 0; i < receipts.length; i += parallel) {
    await Promise.all(
      receipts.slice(i, i + parallel).map(async (r) => {
        const res = await t.fetch("/v1/receipts", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(r),
        });
        if (res.status !== 201) throw new Error(`receipt: ${res.status} ${await res.text()}`);
      }),
    );
  }
}
