import {
  ConfigBump,
  ConfigDraftSave,
  ConfigGet,
  ConfigPublish,
  ConfigVersionsGet,
  ConfigVersionsList,
  PolicyBumpSchema,
  PublishRequestSchema,
  SiteConfigSchema,
} from "@assent/core";
import * as v from "valibot";
import { defineRoute } from "../openapi";
import { SiteParams, siteKeyParam } from "./site-params";

// The configuration routes, described with the contracts they validate and answer with; their
// handlers are `config.routes.ts` beside this file.

const base = "/v1/admin/sites/:site/config";
const site = { kind: "site" as const };

export const configRoute = defineRoute({
  method: "GET",
  path: base,
  summary:
    "The published configuration, the draft being edited, and the compliance linter's findings on the draft",
  tag: "config",
  access: { ...site, role: "viewer" },
  params: SiteParams,
  response: { status: 200, description: "`{ published, draft }`", schema: ConfigGet.response },
});
export const saveDraftRoute = defineRoute({
  method: "PUT",
  path: `${base}/draft`,
  summary:
    "Save the draft configuration (validated; visitors see nothing until it is published); answered with the linter's `findings`",
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  body: SiteConfigSchema,
  response: {
    status: 200,
    description: "The configuration state with the new draft",
    schema: ConfigDraftSave.response,
  },
  errors: ["SITE_KEY_MISMATCH", "CONFIG_NOT_PUBLISHABLE"],
});
export const discardDraftRoute = defineRoute({
  method: "DELETE",
  path: `${base}/draft`,
  summary: "Discard the draft configuration",
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  response: { status: 204, description: "Discarded" },
  errors: ["NO_DRAFT"],
});
export const publishRoute = defineRoute({
  method: "POST",
  path: `${base}/publish`,
  summary:
    'Publish the draft as a new immutable, content-hashed version. Refused with 422 COMPLIANCE_ERRORS while the linter finds errors; its warnings must be acknowledged with the optional body `{ "acknowledge": ["rule-id", ...] }` naming exactly the warned rules (422 ACKNOWLEDGEMENT_REQUIRED otherwise), recorded in the audit log and the version. Refused with 409 EXPIRY_BEYOND_RETENTION when it remembers a decision longer than the site keeps receipts. A draft with another policy version is paced like a bump (`reason`, 409 POLICY_UNCHANGED). Refused with 409 CONFIG_CHANGED when another version was published while it was checked',
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  body: PublishRequestSchema,
  optionalBody: true,
  response: { status: 201, description: "The published version", schema: ConfigPublish.response },
  errors: [
    "NO_DRAFT",
    "NOTHING_TO_PUBLISH",
    "CONFIG_CHANGED",
    "SAME_POLICY_VERSION",
    "POLICY_UNCHANGED",
    "EXPIRY_BEYOND_RETENTION",
    "CONFIG_NOT_PUBLISHABLE",
    "COMPLIANCE_ERRORS",
  ],
});
export const bumpRoute = defineRoute({
  method: "POST",
  path: `${base}/bump`,
  summary:
    'Bump the policy version: publishes the current configuration with a new policy version, so every visitor is asked again. Refused with 409 POLICY_UNCHANGED when nothing visitors are shown or asked changed since the current policy version began, less than six months ago, unless the body says why (`{ "reason": "..." }`, kept in the audit log), and with 409 CONFIG_CHANGED when another version was published while it was checked',
  tag: "config",
  access: { ...site, role: "admin" },
  params: SiteParams,
  body: PolicyBumpSchema,
  response: { status: 201, description: "The published version", schema: ConfigBump.response },
  errors: [
    "NOTHING_PUBLISHED",
    "POLICY_VERSION_REQUIRED",
    "SAME_POLICY_VERSION",
    "POLICY_UNCHANGED",
    "CONFIG_CHANGED",
    "CONFIG_NOT_PUBLISHABLE",
    "COMPLIANCE_ERRORS",
  ],
});
export const versionsRoute = defineRoute({
  method: "GET",
  path: `${base}/versions`,
  summary: "Every published version, newest first",
  tag: "config",
  access: { ...site, role: "viewer" },
  params: SiteParams,
  response: {
    status: 200,
    description: "`{ versions: [...] }`",
    schema: ConfigVersionsList.response,
  },
});
export const versionRoute = defineRoute({
  method: "GET",
  path: `${base}/versions/:ref`,
  summary: "One published version, by number or by content hash (as receipts reference it)",
  tag: "config",
  access: { ...site, role: "viewer" },
  params: v.object({
    site: siteKeyParam,
    ref: v.pipe(
      v.string(),
      v.regex(/^([1-9]\d{0,8}|[0-9a-f]{64})$/, "must be a version number or a SHA-256 hash"),
    ),
  }),
  response: {
    status: 200,
    description: "The version and its configuration",
    schema: ConfigVersionsGet.response,
  },
  errors: ["VERSION_NOT_FOUND"],
});
