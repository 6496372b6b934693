import { cleanup, fireEvent, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, fakeReceipt, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { RecordsView } from "./records-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const FIRST = fakeReceipt({
  id: "0192f0c1-7a3b-7c00-8000-0000000000aa",
  subjectId: "subjectAAAAAAAAAAAAAAA",
  method: "accept-all",
  serverTime: "2024-06-03T10:15:00.000Z",
  decision: { categories: { necessary: true, analytics: true, marketing: true }, services: {} },
});
const SECOND = fakeReceipt({
  id: "0192f0c1-7a3b-7c00-8000-0000000000bb",
  subjectId: "subjectBBBBBBBBBBBBBBB",
  method: "reject-all",
  policyVersion: "2024-05",
  serverTime: "2024-06-02T08:00:00.000Z",
  decision: { categories: { necessary: true, analytics: false }, services: {} },
});

function rowFor(id: string): HTMLElement {
  const row = document.querySelector<HTMLElement>(`tr[data-receipt-id="${id}"]`);
  if (!row) throw new Error(`no row for ${id}`);
  return row;
}

describe("RecordsView", () => {
  it("renders one row per receipt with Granted and Denied in words", async () => {
    const calls = stubApi({
      "GET /v1/admin/receipts": () => ok({ items: [FIRST, SECOND], nextCursor: null }),
    });
    renderInSite(<RecordsView />);

    const table = await screen.findByRole("table", { name: "Consent records" });
    await screen.findByText("Showing all 2 records.");
    expect(calls[0]?.url.searchParams.get("site")).toBe("example-union");
    expect(calls[0]?.url.searchParams.get("cursor")).toBeNull();

    const headings = within(table)
      .getAllByRole("columnheader")
      .map((th) => th.textContent);
    expect(headings).toEqual([
      "Server time",
      "Subject",
      "Method",
      "Necessary",
      "Analytics",
      "Marketing",
      "Policy version",
      "Receipt",
    ]);

    const first = within(rowFor(FIRST.id));
    expect(first.getByText("subjectAAAAAAAAAAAAAAA").tagName).toBe("CODE");
    expect(first.getByText("Accept all")).toBeTruthy();
    expect(first.getAllByText("Granted")).toHaveLength(3);
    expect(first.queryByText("Denied")).toBeNull();
    const time = rowFor(FIRST.id).querySelector("time");
    expect(time?.getAttribute("datetime")).toBe("2024-06-03T10:15:00.000Z");
    expect(time?.textContent).not.toBe("");

    const second = rowFor(SECOND.id);
    expect(second.querySelector('[data-category="analytics"]')?.textContent).toBe("Denied");
    expect(second.querySelector('[data-category="marketing"]')?.textContent).toBe("–Not recorded");
    expect(within(second).getByText("2024-05")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("renders visitor-supplied text as text, never as markup", async () => {
    const hostile = fakeReceipt({ policyVersion: "<img src=x onerror=alert(1)>" });
    stubApi({ "GET /v1/admin/receipts": () => ok({ items: [hostile], nextCursor: null }) });
    renderInSite(<RecordsView />);

    expect(await screen.findByText("<img src=x onerror=alert(1)>")).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("loads the next page with the cursor and appends it", async () => {
    const calls = stubApi({
      "GET /v1/admin/receipts": ({ url }) =>
        url.searchParams.get("cursor") === "cursor-1"
          ? ok({ items: [SECOND], nextCursor: null })
          : ok({ items: [FIRST], nextCursor: "cursor-1" }),
    });
    renderInSite(<RecordsView />);

    const loadMore = await screen.findByRole("button", { name: "Load more" });
    loadMore.focus();
    fireEvent.click(loadMore);

    await screen.findByText("Showing all 2 records.");
    expect(calls).toHaveLength(2);
    expect(calls[1]?.url.searchParams.get("cursor")).toBe("cursor-1");
    expect(calls[1]?.url.searchParams.get("site")).toBe("example-union");
    expect(
      [...document.querySelectorAll("tr[data-receipt-id]")].map((tr) =>
        tr.getAttribute("data-receipt-id"),
      ),
    ).toEqual([FIRST.id, SECOND.id]);
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
    // The button is gone with the last page; focus stays with the table, not lost to <body>.
    await vi.waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("region", { name: "Consent records" })),
    );
  });

  it("shows the empty state when the site has no receipts", async () => {
    stubApi({ "GET /v1/admin/receipts": () => ok({ items: [], nextCursor: null }) });
    renderInSite(<RecordsView />);

    expect(await screen.findByText("No consent records match.")).toBeTruthy();
    expect(document.querySelectorAll("tr[data-receipt-id]")).toHaveLength(0);
  });

  it("shows the API's error and retries on request", async () => {
    let fail = true;
    stubApi({
      "GET /v1/admin/receipts": () =>
        fail
          ? apiError(403, "FORBIDDEN", "You are not a member of this site.")
          : ok({ items: [FIRST], nextCursor: null }),
    });
    renderInSite(<RecordsView />);

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("You are not a member of this site.");
    fail = false;
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));

    await screen.findByText("Showing 1 record.");
    expect(rowFor(FIRST.id)).toBeTruthy();
  });

  it("reports a 401 as the end of the session instead of an error", async () => {
    stubApi({
      "GET /v1/admin/receipts": () => apiError(401, "UNAUTHENTICATED", "Session expired"),
    });
    const { context } = renderInSite(<RecordsView />);

    await vi.waitFor(() => expect(context.onSessionEnded).toHaveBeenCalledOnce());
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
