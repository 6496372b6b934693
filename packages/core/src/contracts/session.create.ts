import * as v from "valibot";
import { SiteSummarySchema } from "./shapes";

/** `POST /v1/admin/session` (sign in) and `GET` (who is signed in): the user, their sites and the CSRF token. */
export const SessionGet = {
  response: v.object({
    user: v.object({ id: v.number(), email: v.string(), name: v.string() }),
    sites: v.array(SiteSummarySchema),
    csrfToken: v.string(),
  }),
};

/** Signing in answers with the session. */
export const SessionCreate = SessionGet;
