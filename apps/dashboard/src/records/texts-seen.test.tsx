import type { ConfigVersion, StandardWording } from "@assent/core";
import { standardWording } from "@assent/sdk/wording";
import { cleanup, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeReceipt, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { ReceiptDetail } from "./receipt-detail";
import { textsSeen } from "./texts-seen";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const HASH = "1mpp9dnI";

const WORDING: StandardWording = {
  hash: HASH,
  recordedAt: "2026-01-01T00:00:00.000Z",
  languages: standardWording(),
};

const VERSION: ConfigVersion = {
  version: 2,
  hash: "b".repeat(64),
  policyVersion: "3",
  publishedAt: "2026-01-01T00:00:00.000Z",
  publishedBy: null,
  acknowledged: [],
  config: {
    siteKey: "example-union",
    policyVersion: "3",
    defaultLanguage: "en",
    categories: [{ id: "necessary", required: true }, { id: "analytics" }, { id: "members" }],
    services: [],
    expiry: { acceptedDays: 365, rejectedDays: 182 },
    ui: { theme: "auto", position: "bar", floatingButton: false },
    texts: {
      de: { title: "Cookies bei der Gilde", "category.members": "Mitglieder", manage: " " },
    },
    jurisdictions: {
      rules: [
        { id: "uk", regions: ["UK"], model: "uk-exemptions", texts: { de: { object: "Nein" } } },
      ],
      otherwise: "uk",
    },
  } as ConfigVersion["config"],
};

/** The detail of a receipt of `VERSION`, with the API answering the version and `wording`. */
function renderDetail(receipt: ReturnType<typeof fakeReceipt>, wording = () => ok(WORDING)) {
  const calls = stubApi({
    [`GET /v1/admin/sites/example-union/config/versions/${VERSION.hash}`]: () => ok(VERSION),
    [`GET /v1/admin/sites/example-union/wordings/${HASH}`]: wording,
    "GET /v1/sites/example-union/jwks": () => ok({ keys: [] }),
  });
  renderInSite(<ReceiptDetail receipt={receipt} onClose={vi.fn()} />);
  return calls;
}

/** The shown texts list: each row's key, text and where it came from. */
async function shownRows() {
  const list = (await screen.findByText("rejectAll")).closest("dl") as HTMLElement;
  return [...list.querySelectorAll<HTMLElement>("[data-text-from]")].map((row) => ({
    key: row.querySelector("dt")?.textContent,
    text: row.querySelector("dd")?.firstChild?.textContent,
    from: row.dataset.textFrom,
  }));
}

describe("the texts a receipt's visitor saw", () => {
  it("are the standard wording the receipt names in its language, the site's own marked over it", async () => {
    const receipt = fakeReceipt({ configHash: VERSION.hash, language: "de-AT", wording: HASH });
    const calls = renderDetail(receipt);
    const rows = await shownRows();
    expect(calls.map((c) => c.url.pathname)).toContain(
      `/v1/admin/sites/example-union/wordings/${HASH}`,
    );
    expect(screen.getByTestId("wording").textContent).toBe(HASH);
    expect(rows).toContainEqual({ key: "rejectAll", text: "Alle ablehnen", from: "standard" });
    expect(rows).toContainEqual({ key: "title", text: "Cookies bei der Gilde", from: "site" });
    // A blank site text shows the standard one, as the banner does.
    expect(rows).toContainEqual({
      key: "manage",
      text: "Einstellungen verwalten",
      from: "standard",
    });
    expect(rows.at(-1)).toEqual({ key: "category.members", text: "Mitglieder", from: "site" });
    // No rule applied: the texts only a rule shows were not on screen.
    expect(rows.map((r) => r.key)).not.toContain("object");
    const title = screen.getByText("Cookies bei der Gilde").closest("dd") as HTMLElement;
    expect(within(title).getByText("(the site's own)")).toBeTruthy();
    expect(screen.getByText("Standard wording").nextElementSibling?.textContent).toBe(HASH);
  });

  it("says plainly when the receipt predates the field, and lists the site's own texts", async () => {
    const calls = renderDetail(fakeReceipt({ configHash: VERSION.hash, language: "de" }));
    const note = await screen.findByTestId("wording-unpinned");
    expect(note.textContent).toMatch(
      /^This receipt was recorded before Assent pinned its standard wording/,
    );
    expect(screen.getByText("Cookies bei der Gilde")).toBeTruthy();
    expect(screen.queryByText("Alle ablehnen")).toBeNull();
    expect(calls.some((c) => c.url.pathname.includes("/wordings/"))).toBe(false);
    expect(screen.getByText("Standard wording").nextElementSibling?.textContent).toMatch(
      /recorded before receipts named it/,
    );
  });

  it("says when the wording a receipt names is not on record on this server", async () => {
    renderDetail(fakeReceipt({ configHash: VERSION.hash, language: "de", wording: HASH }), () =>
      apiError(404, "WORDING_NOT_FOUND", "No standard wording on record"),
    );
    expect((await screen.findByTestId("wording-missing")).textContent).toMatch(
      `The standard wording ${HASH} this receipt names is not on record on this server.`,
    );
    expect(screen.getByText("Cookies bei der Gilde")).toBeTruthy();
  });
});

describe("textsSeen", () => {
  it("shows a rule's standard texts only under the rule whose model shows them, its own over them", () => {
    const de = WORDING.languages.de ?? {};
    const uk = textsSeen(de, VERSION, { language: "de", ruleId: "uk" });
    expect(uk.find((t) => t.key === "object")).toEqual({
      key: "object",
      text: "Nein",
      from: "site",
    });
    expect(uk.find((t) => t.key === "objected")?.from).toBe("standard");
    expect(uk.map((t) => t.key)).not.toContain("optOut");
    const none = textsSeen(de, VERSION, { language: "de" });
    expect(none.map((t) => t.key)).not.toContain("objected");
  });
});
