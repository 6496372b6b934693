import { cleanup, fireEvent, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { apiError, ok, stubApi } from "../testing/fake-api";
import { renderInSite } from "../testing/render-in-site";
import { SitesView } from "./sites-view";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SITES = [
  { key: "example-union", name: "Example Union", role: "owner" as const },
  { key: "members-app", name: "Members App", role: "viewer" as const },
];

describe("SitesView", () => {
  it("lists the sites with the user's role and opens one", () => {
    stubApi({});
    const onOpenSite = vi.fn();
    renderInSite(<SitesView sites={SITES} onOpenSite={onOpenSite} />);
    expect(screen.getByText("viewer")).toBeTruthy();
    fireEvent.click(screen.getByRole("link", { name: "Members App" }));
    expect(onOpenSite).toHaveBeenCalledWith("members-app");
  });

  it("creates a site for an owner and selects it", async () => {
    const calls = stubApi({ "POST /v1/admin/sites": (call) => ok({ ...(call.body as object) }) });
    const { context } = renderInSite(<SitesView sites={SITES} onOpenSite={vi.fn()} />);
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Branch" } });
    fireEvent.input(screen.getByLabelText("Site key"), { target: { value: "branch" } });
    fireEvent.submit(screen.getByRole("button", { name: "Add site" }).closest("form") as Element);
    await vi.waitFor(() => expect(context.onSitesChanged).toHaveBeenCalledWith("branch"));
    expect(calls[0]?.body).toEqual({ key: "branch", name: "Branch" });
  });

  it("shows why a site could not be created", async () => {
    stubApi({ "POST /v1/admin/sites": () => apiError(409, "SITE_EXISTS", "That key is taken") });
    renderInSite(<SitesView sites={SITES} onOpenSite={vi.fn()} />);
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Branch" } });
    fireEvent.input(screen.getByLabelText("Site key"), { target: { value: "branch" } });
    fireEvent.submit(screen.getByRole("button", { name: "Add site" }).closest("form") as Element);
    expect((await screen.findByText("That key is taken")).getAttribute("role")).toBe("alert");
  });

  it("offers no new site to someone who owns none", () => {
    stubApi({});
    renderInSite(
      <SitesView sites={[SITES[1] as (typeof SITES)[number]]} onOpenSite={vi.fn()} />,
      "viewer",
    );
    expect(screen.queryByRole("button", { name: "Add site" })).toBeNull();
  });
});
