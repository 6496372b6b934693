/**
 * Shapes of the admin API, shared by the API (sender) and the dashboard (reader).
 */

/** A dashboard user's role on one site. */
export type Role = "owner" | "admin" | "viewer";

/** A site as the dashboard lists it. */
export interface SiteSummary {
  key: string;
  name: string;
  role: Role;
}

/** `GET /v1/admin/session` and `POST /v1/admin/session`: who is signed in, and where. */
export interface AdminSession {
  user: { id: number; email: string; name: string };
  sites: SiteSummary[];
}

/** `POST /v1/admin/session` body. */
export interface SignInRequest {
  email: string;
  password: string;
}
