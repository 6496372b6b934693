import type {
  AccessReport,
  AdminReceipt,
  AdminSession,
  ErasureResult,
  ReceiptJwks,
  ReceiptPage,
  ReceiptQuery,
  SignInRequest,
  SiteStats,
  SubjectRecords,
} from "@assent/core";
import { apiRequest } from "./client";

/** The signed-in user and their sites; rejects with status 401 when nobody is signed in. */
export function getSession(signal?: AbortSignal): Promise<AdminSession> {
  return apiRequest<AdminSession>("/v1/admin/session", { signal });
}

/** Signs in; the API sets an HttpOnly session cookie. */
export function signIn(credentials: SignInRequest): Promise<AdminSession> {
  return apiRequest<AdminSession>("/v1/admin/session", { method: "POST", body: credentials });
}

/** Ends the session and clears its cookie. */
export function signOut(): Promise<void> {
  return apiRequest<void>("/v1/admin/session", { method: "DELETE" });
}

/** Filters of the records view and the exports, as the query string carries them. */
export type ReceiptFilters = Omit<ReceiptQuery, "site" | "limit" | "cursor">;

/** Page size the records view asks for. */
export const RECEIPTS_PAGE_SIZE = 50;

/** The query string of a filtered listing or export; empty filters are left out. */
export function filterParams(site: string, filters: ReceiptFilters = {}): URLSearchParams {
  const params = new URLSearchParams({ site });
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === "string" && value !== "") params.set(name, value);
  }
  return params;
}

export interface ListReceiptsOptions {
  site: string;
  filters?: ReceiptFilters;
  cursor?: string | null;
  limit?: number;
  signal?: AbortSignal;
}

/** One page of a site's receipts, newest first. */
export function listReceipts(query: ListReceiptsOptions): Promise<ReceiptPage> {
  const params = filterParams(query.site, query.filters);
  params.set("limit", String(query.limit ?? RECEIPTS_PAGE_SIZE));
  if (query.cursor) params.set("cursor", query.cursor);
  return apiRequest<ReceiptPage>(`/v1/admin/receipts?${params}`, { signal: query.signal });
}

/** One receipt by id, or `undefined`. */
export async function getReceipt(site: string, id: string): Promise<AdminReceipt | undefined> {
  const page = await listReceipts({ site, filters: { id }, limit: 1 });
  return page.items[0];
}

/** The site's public keys, for checking receipt signatures in the browser. */
export function getJwks(site: string): Promise<ReceiptJwks> {
  return apiRequest<ReceiptJwks>(`/v1/sites/${encodeURIComponent(site)}/jwks`);
}

/** Daily statistics, `from` and `to` as `YYYY-MM-DD`, both inclusive. */
export function getStats(site: string, from: string, to: string): Promise<SiteStats> {
  const params = new URLSearchParams({ site, from, to });
  return apiRequest<SiteStats>(`/v1/admin/stats?${params}`);
}

/** Subject access: every receipt held for a subject id. */
export function getSubject(site: string, subjectId: string): Promise<SubjectRecords> {
  const params = new URLSearchParams({ site });
  return apiRequest(`/v1/admin/subjects/${encodeURIComponent(subjectId)}?${params}`);
}

/** The plain-language access report of a subject id, over every site the admin may read. */
export function getSubjectReport(subjectId: string): Promise<AccessReport> {
  return apiRequest(`/v1/admin/subjects/${encodeURIComponent(subjectId)}/report`);
}

/** Subject erasure: clears the personal fields of the subject's receipts. */
export function eraseSubject(site: string, subjectId: string): Promise<ErasureResult> {
  const params = new URLSearchParams({ site });
  return apiRequest(`/v1/admin/subjects/${encodeURIComponent(subjectId)}?${params}`, {
    method: "DELETE",
  });
}
