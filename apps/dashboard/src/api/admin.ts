import type { AdminSession, Page, SignInRequest, StoredReceipt } from "@assent/core";
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

export interface ReceiptQuery {
  site: string;
  cursor?: string | null;
  limit?: number;
  signal?: AbortSignal;
}

/** Page size the records view asks for. */
export const RECEIPTS_PAGE_SIZE = 50;

/** One page of a site's receipts, newest first. */
export function listReceipts(query: ReceiptQuery): Promise<Page<StoredReceipt>> {
  const params = new URLSearchParams({
    site: query.site,
    limit: String(query.limit ?? RECEIPTS_PAGE_SIZE),
  });
  if (query.cursor) params.set("cursor", query.cursor);
  return apiRequest<Page<StoredReceipt>>(`/v1/admin/receipts?${params}`, {
    signal: query.signal,
  });
}
