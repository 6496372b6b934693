import type { Role } from "@assent/core";

/** The dashboard's sections, in the order the navigation lists them. */
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
export type View = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<View, string> = {
  sites: "Sites",
  overview: "Overview",
  records: "Records",
  requests: "Requests",
  exports: "Exports",
  settings: "Site settings",
  users: "Users",
  audit: "Audit log",
};

/** The weakest role that may open a section (the API enforces the same). */
export const VIEW_ROLES: Record<View, Role> = {
  sites: "viewer",
  overview: "viewer",
  records: "viewer",
  requests: "viewer",
  exports: "viewer",
  settings: "viewer",
  users: "viewer",
  audit: "admin",
};
