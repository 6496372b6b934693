import type { LogEntry } from "./append-log";
import type { RawSql } from "./raw-batch";

const owner = (siteId: number, subjectId: string | null) => `${siteId} ${subjectId}`;

/**
 * The entries with each `previousId` kept only where it names an earlier receipt of the same site
 * and the same subject, not erased: one stored already, or one before it among `entries`. Any
 * other link (another subject's receipt, an erased one, one that does not exist) becomes `null`:
 * the history is the server's finding, never the client's word, and an erased history is never
 * tied to a subject again. The receipt itself is kept all the same (a consent receipt is never
 * lost for a bad link), and signed and stored as returned here.
 *
 * One query for all the entries that name a previous receipt, a lookup by primary key for each
 * id named; none when no entry names one. The ids go as one JSON array (`json_each`): one bound
 * parameter whatever the batch's size (D1 binds at most 100), and far cheaper to build than a
 * placeholder per id.
 */
export async function ownLinks<E extends LogEntry>(
  raw: RawSql,
  entries: readonly E[],
): Promise<E[]> {
  const named = [...new Set(entries.flatMap((e) => (e.row.previousId ? [e.row.previousId] : [])))];
  if (named.length === 0) return [...entries];
  const owners = new Map<string, string>();
  const rows = await raw.rows({
    sql: "SELECT r.id, r.site_id, r.subject_id FROM json_each(?) AS named JOIN receipts AS r ON r.id = named.value WHERE r.subject_id IS NOT NULL AND r.erased_at IS NULL",
    args: [JSON.stringify(named)],
  });
  for (const [id, siteId, subjectId] of rows) {
    owners.set(String(id), owner(Number(siteId), String(subjectId)));
  }
  const earlier = new Map<string, string>();
  return entries.map((entry) => {
    const { row } = entry;
    const mine = owner(row.siteId, row.subjectId);
    const previous = row.previousId;
    const linked = previous && (owners.get(previous) ?? earlier.get(previous)) === mine;
    if (!earlier.has(row.id)) earlier.set(row.id, mine);
    return previous === null || linked ? entry : { ...entry, row: { ...row, previousId: null } };
  });
}
