import type { Role } from "@assent/core";

/** The sections of a site, in the order the navigation lists them. */
export const VIEWS = [
  "sites",
  "overview",
  "records",
  "requests",
  "exports",
  "settings",
  "users",
  "audit",
] as const;
/** A section of a site. */
export type Section = (typeof VIEWS)[number];

/**
 * Every view the address can name: the sections, and the signed-in person's own account
 * (password and sessions), opened from the header rather than the navigation, on no site.
 */
export const ALL_VIEWS = [...VIEWS, "account"] as const;
export type View = (typeof ALL_VIEWS)[number];

export const VIEW_LABELS: Record<View, string> = {
  sites: "Sites",
  overview: "Overview",
  records: "Records",
  requests: "Requests",
  exports: "Exports",
  settings: "Site settings",
  users: "Users",
  audit: "Audit log",
  account: "Your account",
};

/** The weakest role that may open a section (the API enforces the same). */
export const VIEW_ROLES: Record<Section, Role> = {
  sites: "viewer",
  overview: "viewer",
  records: "viewer",
  requests: "viewer",
  exports: "viewer",
  settings: "viewer",
  users: "viewer",
  audit: "admin",
};
