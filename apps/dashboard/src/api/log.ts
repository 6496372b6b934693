import type { ReceiptLogProof } from "@assent/core";
import { apiRequest, apiStream } from "./client";

/** Where a receipt is in its site's log, with the inclusion proof (as a site admin may ask). */
export function getReceiptProof(id: string): Promise<ReceiptLogProof> {
  return apiRequest<ReceiptLogProof>(`/v1/receipts/${encodeURIComponent(id)}/proof`);
}

/** The site log's latest signed checkpoint (a C2SP signed note, with any cosignatures). */
export async function getLogCheckpoint(site: string): Promise<string> {
  return (await apiStream(`/v1/sites/${encodeURIComponent(site)}/log/checkpoint`)).text();
}

/** The site log's note verifier key, fetched on its own (not taken from the proof). */
export async function getLogVkey(site: string): Promise<string> {
  return (await (await apiStream(`/v1/sites/${encodeURIComponent(site)}/log/vkey`)).text()).trim();
}
