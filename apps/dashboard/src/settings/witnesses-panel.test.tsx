import type { Witness } from "@assent/core";
import { cleanup, fireEvent, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { WitnessesPanel } from "./witnesses-panel";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BASE = "/v1/admin/sites/example-union";
const refused: Witness = {
  id: 1,
  name: "Other union",
  url: "https://consent.other.example/v1/witness",
  vkey: "consent.other.example/witness+01234567+BAAA",
  size: 9,
  lastSuccessAt: "2026-01-01T00:00:00.000Z",
  lastError: {
    status: 422,
    code: "INCONSISTENT_CHECKPOINT",
    message: "the log is not an extension of what it showed before",
  },
};

describe("WitnessesPanel", () => {
  it("shows each witness's refusal, and lets an owner add a witness and a log", async () => {
    let list: Witness[] = [refused];
    const calls = stubApi({
      [`GET ${BASE}/witnesses`]: () => ok({ witnesses: list }),
      [`POST ${BASE}/witnesses`]: (call) => {
        const added = { ...refused, ...(call.body as object), id: 2, size: 0, lastError: null };
        list = [...list, added as Witness];
        return { status: 201, body: added };
      },
      [`GET ${BASE}/witnessed-logs`]: () =>
        ok({ witnessVkey: "consent.example.org/witness+89abcdef+BBBB", logs: [] }),
      [`POST ${BASE}/witnessed-logs`]: (call) => ({ status: 201, body: call.body }),
    });
    renderInSite(<WitnessesPanel />);
    expect(
      await screen.findByText(/Refused \(HTTP 422, INCONSISTENT_CHECKPOINT\): the log is not/),
    ).toBeTruthy();
    expect((await screen.findByTestId("witness-vkey")).textContent).toBe(
      "consent.example.org/witness+89abcdef+BBBB",
    );

    fireEvent.input(screen.getByLabelText("Witness name"), { target: { value: "Third" } });
    fireEvent.input(screen.getByLabelText("Submission URL"), {
      target: { value: "https://consent.third.example/v1/witness" },
    });
    fireEvent.input(screen.getByLabelText("Witness key"), {
      target: { value: "third+00000000+BCCC" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Add witness" }));
    expect(await screen.findByText("Third")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({
      name: "Third",
      url: "https://consent.third.example/v1/witness",
      vkey: "third+00000000+BCCC",
    });

    fireEvent.input(screen.getByLabelText("Log origin"), {
      target: { value: "consent.other.example/v1/sites/x/log" },
    });
    fireEvent.input(screen.getByLabelText("Log key"), { target: { value: "k+00000000+AAAA" } });
    fireEvent.click(screen.getByRole("button", { name: "Witness this log" }));
    await vi.waitFor(() =>
      expect(calls.filter((c) => c.url.pathname === `${BASE}/witnessed-logs`)).toHaveLength(3),
    );
  });

  it("shows an admin the witnesses without the forms, and never asks for the witnessed logs", async () => {
    const calls = stubApi({ [`GET ${BASE}/witnesses`]: () => ok({ witnesses: [refused] }) });
    renderInSite(<WitnessesPanel />, "admin");
    expect(await screen.findByText("Other union")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add witness" })).toBeNull();
    expect(screen.queryByRole("button", { name: /Remove/ })).toBeNull();
    expect(calls.map((c) => c.url.pathname)).not.toContain(`${BASE}/witnessed-logs`);
  });
});
