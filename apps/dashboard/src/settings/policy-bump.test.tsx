import { defaultSiteConfig, lintConfig, warningRules } from "@assent/core";
import { cleanup, fireEvent, screen, within } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { PolicyBump } from "./policy-bump";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const published = defaultSiteConfig("example-union", [], "https://www.example-union.test/privacy");
const warned = warningRules(lintConfig(published));
const BUMP = "POST /v1/admin/sites/example-union/config/bump";
const UNCHANGED =
  'Nothing visitors are shown or asked has changed since policy version "1" began on 2026-03-01: give a reason.';

describe("PolicyBump", () => {
  it("asks for a reason when the server refuses a bump that changes nothing, and sends it", async () => {
    const calls = stubApi({
      [BUMP]: (call) =>
        (call.body as { reason?: string }).reason
          ? ok({ version: 2, config: { ...published, policyVersion: "2" } })
          : apiError(409, "POLICY_UNCHANGED", UNCHANGED),
    });
    const onBumped = vi.fn();
    renderInSite(
      <PolicyBump current="1" published={published} siteOrigins={[]} onBumped={onBumped} />,
      "admin",
    );
    fireEvent.click(screen.getByRole("button", { name: "Bump policy version" }));
    fireEvent.click(screen.getByRole("button", { name: "Bump and ask again" }));
    // Refused: the dialog stays open with the server's words beside the reason field.
    const dialog = await screen.findByRole("dialog");
    expect((await within(dialog).findByRole("alert")).textContent).toBe(UNCHANGED);
    expect(onBumped).not.toHaveBeenCalled();
    const field = within(dialog).getByLabelText("Why ask everyone again?");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    fireEvent.input(field, { target: { value: "  Our analytics processor changed.  " } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Bump and ask again" }));
    expect(await screen.findByText(/Policy version is now 2/)).toBeTruthy();
    expect(onBumped).toHaveBeenCalledWith("2");
    const bumps = calls.filter((c) => `${c.method} ${c.url.pathname}` === BUMP);
    expect(bumps.map((c) => c.body)).toEqual([
      { acknowledge: warned },
      { acknowledge: warned, reason: "Our analytics processor changed." },
    ]);
  });

  it("shows any other refusal below the form", async () => {
    stubApi({
      [BUMP]: () => apiError(409, "SAME_POLICY_VERSION", 'The policy version is already "1"'),
    });
    renderInSite(
      <PolicyBump current="1" published={published} siteOrigins={[]} onBumped={vi.fn()} />,
      "admin",
    );
    fireEvent.click(screen.getByRole("button", { name: "Bump policy version" }));
    fireEvent.click(screen.getByRole("button", { name: "Bump and ask again" }));
    const shown = await screen.findByText('The policy version is already "1"');
    expect(shown.getAttribute("role")).toBe("alert");
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
