import { cleanup, fireEvent, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeReceipt, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { RequestsView } from "./requests-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SUBJECT = "subjectAAAAAAAAAAAAAAA";

function find(id = SUBJECT) {
  fireEvent.input(screen.getByLabelText("Subject id"), { target: { value: id } });
  fireEvent.click(screen.getByRole("button", { name: "Find records" }));
}

describe("RequestsView", () => {
  it("shows a subject's records and erases them after confirmation, with the audit entry", async () => {
    let erased = false;
    const receipt = fakeReceipt({ subjectId: SUBJECT });
    const calls = stubApi({
      [`GET /v1/admin/subjects/${SUBJECT}`]: () =>
        ok({
          site: "example-union",
          subjectId: SUBJECT,
          receipts: erased ? [] : [receipt],
          held: erased ? 0 : 1,
        }),
      [`DELETE /v1/admin/subjects/${SUBJECT}`]: () => {
        erased = true;
        return ok({
          site: "example-union",
          erased: 1,
          receiptIds: [receipt.id],
          erasedAt: "2026-01-31T12:00:00.000Z",
          auditId: 42,
        });
      },
      "GET /v1/admin/sites/example-union/audit": () =>
        ok({
          items: [
            {
              id: 42,
              at: "2026-01-31T12:00:00.000Z",
              user: "dpo@example.org",
              tokenId: null,
              action: "subject.erase",
              target: "sha256:abc",
              detail: null,
              ip: null,
            },
          ],
          nextBefore: null,
        }),
    });
    renderInSite(<RequestsView />, "admin");

    find();
    expect(await screen.findByText("1 record held.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Erase this subject" }));
    const dialog = screen.getByRole("dialog");
    expect(calls.some((c) => c.method === "DELETE")).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Erase" }));

    const report = await screen.findByRole("region", { name: "Erasure done" });
    expect(report.textContent).toContain("Erased the personal fields of 1 record");
    expect(report.textContent).toContain("#42");
    expect(report.textContent).toContain("subject.erase by dpo@example.org");
    expect(calls.find((c) => c.method === "DELETE")?.url.searchParams.get("site")).toBe(
      "example-union",
    );
  });

  it("says when more records are held than are listed", async () => {
    stubApi({
      [`GET /v1/admin/subjects/${SUBJECT}`]: () =>
        ok({ site: "example-union", subjectId: SUBJECT, receipts: [fakeReceipt()], held: 10_005 }),
    });
    renderInSite(<RequestsView />, "viewer");
    find();
    const status = await screen.findByText(/records held/);
    expect(status.textContent).toBe(
      "10,005 records held. Only the first 1 are listed here: export all of them from Records, filtered by this subject id.",
    );
  });

  it("offers no erasure to a viewer", async () => {
    stubApi({
      [`GET /v1/admin/subjects/${SUBJECT}`]: () =>
        ok({ site: "example-union", subjectId: SUBJECT, receipts: [fakeReceipt()], held: 1 }),
    });
    renderInSite(<RequestsView />, "viewer");
    find();
    expect(await screen.findByText("1 record held.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export these records (JSON)" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Erase this subject" })).toBeNull();
  });

  it("says when a subject's records were erased, and reports an erasure someone else made first", async () => {
    const receipt = fakeReceipt({ subjectId: SUBJECT });
    const earlier = { at: "2026-01-31T12:00:00.000Z", auditId: 42 };
    let held = true;
    stubApi({
      [`GET /v1/admin/subjects/${SUBJECT}`]: () =>
        ok({
          site: "example-union",
          subjectId: SUBJECT,
          receipts: held ? [receipt] : [],
          held: held ? 1 : 0,
          lastErasure: held ? null : earlier,
        }),
      // Another admin erased them meanwhile: nothing is left to erase.
      [`DELETE /v1/admin/subjects/${SUBJECT}`]: () => {
        held = false;
        return ok({
          site: "example-union",
          erased: 0,
          receiptIds: [],
          erasedAt: earlier.at,
          auditId: earlier.auditId,
          alreadyErased: true,
        });
      },
      "GET /v1/admin/sites/example-union/audit": () => ok({ items: [], nextBefore: null }),
    });
    renderInSite(<RequestsView />, "admin");
    find();
    expect(await screen.findByText("1 record held.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Erase this subject" }));
    fireEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Erase" }));

    const report = await screen.findByRole("region", { name: "Already erased" });
    expect(report.textContent).toContain("Nothing more was held for this subject id");
    expect(report.textContent).toContain("#42");
    expect(screen.queryByRole("region", { name: "Erasure done" })).toBeNull();
    const status = await screen.findByText(/No records are held for this subject id\./);
    expect(status.textContent).toContain("Its records were erased on");
    expect(status.textContent).toContain("(audit entry #42)");
  });

  it("refuses what is not a subject id without asking the API", () => {
    const calls = stubApi({});
    renderInSite(<RequestsView />);
    find("not an id");
    expect(screen.getByRole("alert").textContent).toMatch(/22 letters/);
    expect(calls).toHaveLength(0);
  });
});
