import { cleanup, fireEvent, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { AuditView } from "./audit-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const entry = (id: number, action: string) => ({
  id,
  at: "2026-01-31T12:00:00.000Z",
  user: "dpo@example.org",
  tokenId: null,
  action,
  target: "example-union",
  detail: { n: id },
  ip: null,
});

describe("AuditView", () => {
  it("lists entries newest first and pages back with `before`", async () => {
    const calls = stubApi({
      "GET /v1/admin/sites/example-union/audit": ({ url }) =>
        url.searchParams.get("before") === "2"
          ? ok({ items: [entry(1, "config.publish")], nextBefore: null })
          : ok({ items: [entry(3, "subject.erase"), entry(2, "member.add")], nextBefore: 2 }),
    });
    renderInSite(<AuditView />, "admin");

    expect(await screen.findByText("subject.erase")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Load older entries" }));
    expect(await screen.findByText("config.publish")).toBeTruthy();
    expect(
      [...document.querySelectorAll("tr[data-audit-id]")].map((tr) =>
        tr.getAttribute("data-audit-id"),
      ),
    ).toEqual(["3", "2", "1"]);
    expect(calls[1]?.url.searchParams.get("before")).toBe("2");
    expect(screen.queryByRole("button", { name: "Load older entries" })).toBeNull();
  });
});
