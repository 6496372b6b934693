import type { Role } from "@assent/core";
import { render } from "@testing-library/preact";
import type { ComponentChildren } from "preact";
import { vi } from "vitest";
import { AdminContext, type AdminContextValue } from "../ui";

/** Renders a view as the signed-in shell would, on `example-union` with the given role. */
export function renderInSite(ui: ComponentChildren, role: Role = "owner") {
  const value: AdminContextValue = {
    site: { key: "example-union", name: "Example Union", role },
    email: "dpo@example.org",
    ownsASite: role === "owner",
    onSessionEnded: vi.fn(),
    onSitesChanged: vi.fn(),
  };
  const result = render(<AdminContext.Provider value={value}>{ui}</AdminContext.Provider>);
  return { ...result, context: value };
}
