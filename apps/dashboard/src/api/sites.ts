import type {
  AuditEntry,
  ConfigState,
  ConfigVersion,
  CreatedInvitation,
  Invitation,
  Member,
  MemberInviteRequest,
  Role,
  SiteConfig,
  SiteCreateRequest,
  SiteSettings,
  SiteSummary,
  SiteUpdateRequest,
  StandardWording,
} from "@assent/core";
import { ApiRequestError, apiRequest } from "./client";

const site = (key: string) => `/v1/admin/sites/${encodeURIComponent(key)}`;

/** The sites the user may see. */
export async function listSites(): Promise<SiteSummary[]> {
  return (await apiRequest<{ sites: SiteSummary[] }>("/v1/admin/sites")).sites;
}

/** Creates a site with the default configuration; the caller becomes its owner. */
export function createSite(body: SiteCreateRequest): Promise<SiteSettings> {
  return apiRequest("/v1/admin/sites", { method: "POST", body });
}

export function getSiteSettings(key: string): Promise<SiteSettings> {
  return apiRequest(site(key));
}

/** Changes settings; a lowering of retention comes back in `scheduledRetention`, not yet done. */
export function updateSiteSettings(key: string, body: SiteUpdateRequest): Promise<SiteSettings> {
  return apiRequest(site(key), { method: "PATCH", body });
}

/** Cancels the scheduled lowering of retention. */
export function cancelRetentionChange(key: string): Promise<SiteSettings> {
  return apiRequest(`${site(key)}/retention-change`, { method: "DELETE" });
}

export function getConfigState(key: string): Promise<ConfigState> {
  return apiRequest(`${site(key)}/config`);
}

export function saveDraft(key: string, config: SiteConfig): Promise<ConfigState> {
  return apiRequest(`${site(key)}/config/draft`, { method: "PUT", body: config });
}

/** Publishes the draft, acknowledging these compliance warnings (exactly the current ones). */
export function publishDraft(key: string, acknowledge: string[] = []): Promise<ConfigVersion> {
  return apiRequest(`${site(key)}/config/publish`, { method: "POST", body: { acknowledge } });
}

/**
 * Publishes the current configuration under a new policy version: everyone is asked again.
 * `reason`, kept in the audit log, is required when nothing visitors see or are asked changed
 * since the current version began less than six months ago (`POLICY_UNCHANGED` otherwise).
 */
export function bumpPolicy(
  key: string,
  policyVersion?: string,
  acknowledge: readonly string[] = [],
  reason?: string,
): Promise<ConfigVersion> {
  return apiRequest(`${site(key)}/config/bump`, {
    method: "POST",
    body: {
      ...(policyVersion ? { policyVersion } : {}),
      acknowledge,
      ...(reason ? { reason } : {}),
    },
  });
}

/** A published version by number or content hash (as receipts name it). */
export function getConfigVersion(key: string, ref: string): Promise<ConfigVersion> {
  return apiRequest(`${site(key)}/config/versions/${encodeURIComponent(ref)}`);
}

/**
 * The SDK's standard wording a receipt names (`wording`), or `null` when this server has none
 * on record under that hash.
 */
export async function getWording(key: string, hash: string): Promise<StandardWording | null> {
  try {
    return await apiRequest(`${site(key)}/wordings/${encodeURIComponent(hash)}`);
  } catch (error) {
    if (error instanceof ApiRequestError && error.code === "WORDING_NOT_FOUND") return null;
    throw error;
  }
}

/** The site's members, and the invitations not yet accepted. */
export function listMembers(
  key: string,
): Promise<{ members: Member[]; invitations: Invitation[] }> {
  return apiRequest(`${site(key)}/members`);
}

/** Invites an address; the answer carries the one-time link to hand to the invited person. */
export function inviteMember(key: string, body: MemberInviteRequest): Promise<CreatedInvitation> {
  return apiRequest(`${site(key)}/members`, { method: "POST", body });
}

export function revokeInvitation(key: string, id: number): Promise<void> {
  return apiRequest(`${site(key)}/invitations/${id}`, { method: "DELETE" });
}

export function changeRole(key: string, userId: number, role: Role): Promise<Member> {
  return apiRequest(`${site(key)}/members/${userId}`, { method: "PATCH", body: { role } });
}

export function removeMember(key: string, userId: number): Promise<void> {
  return apiRequest(`${site(key)}/members/${userId}`, { method: "DELETE" });
}

export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}

/** The audit log, newest first. */
export function listAudit(key: string, before?: number | null): Promise<AuditPage> {
  const params = new URLSearchParams({ limit: "50" });
  if (before) params.set("before", String(before));
  return apiRequest(`${site(key)}/audit?${params}`);
}
