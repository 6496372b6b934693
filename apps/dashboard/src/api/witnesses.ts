import type { Witness, WitnessedLog } from "@assent/core";
import { apiRequest } from "./client";

const site = (key: string) => `/v1/admin/sites/${encodeURIComponent(key)}`;

/** The witnesses the site's log submits its checkpoints to, and where each stands. */
export async function listWitnesses(key: string): Promise<Witness[]> {
  return (await apiRequest<{ witnesses: Witness[] }>(`${site(key)}/witnesses`)).witnesses;
}

/** Submits the site's checkpoints to one more witness (owners). */
export function addWitness(
  key: string,
  body: { name: string; url: string; vkey: string },
): Promise<Witness> {
  return apiRequest<Witness>(`${site(key)}/witnesses`, { method: "POST", body });
}

/** Stops submitting to a witness (owners). */
export function removeWitness(key: string, id: number): Promise<void> {
  return apiRequest<void>(`${site(key)}/witnesses/${id}`, { method: "DELETE" });
}

/** The logs this server witnesses for the site's owners, and this server's witness key. */
export function listWitnessedLogs(
  key: string,
): Promise<{ witnessVkey: string; logs: WitnessedLog[] }> {
  return apiRequest(`${site(key)}/witnessed-logs`);
}

/** Witnesses one more log (owners). */
export function addWitnessedLog(
  key: string,
  body: { origin: string; vkey: string },
): Promise<WitnessedLog> {
  return apiRequest<WitnessedLog>(`${site(key)}/witnessed-logs`, { method: "POST", body });
}

/** Stops witnessing a log (owners). */
export function removeWitnessedLog(key: string, id: number): Promise<void> {
  return apiRequest<void>(`${site(key)}/witnessed-logs/${id}`, { method: "DELETE" });
}
