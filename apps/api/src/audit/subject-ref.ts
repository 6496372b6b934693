import { sha256Hex } from "@assent/core";

/**
 * How the audit log names a data subject: by the SHA-256 of their subject id, never the id
 * itself, so an erasure leaves no copy of it behind, yet a later request presenting the same id
 * can be matched to the entries about it.
 * @example await subjectRef(subjectId) // "sha256:9f86d0..."
 */
export async function subjectRef(subjectId: string): Promise<string> {
  return `sha256:${await sha256Hex(subjectId)}`;
}
