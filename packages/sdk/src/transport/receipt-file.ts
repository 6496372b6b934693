import type { ReceiptFile } from "@assent/core";

/** The header that proves a visitor's own receipts are theirs (their random subject id). */
const SUBJECT_HEADER = "X-Assent-Subject";

/**
 * One of the visitor's receipts as a file anyone can check offline (`assent-verify`, or core's
 * `verifyReceiptFile`): the signed receipt, the site's signing keys, and its inclusion proof in
 * the site's transparency log with the signed (and witnessed) checkpoint. `"pending"` while the
 * receipt is not in the log yet (the API answers 409 until its next integration).
 * @example const file = await receiptFile("https://consent.example.org", "demo", id, subject);
 */
export async function receiptFile(
  api: string,
  siteKey: string,
  id: string,
  subjectId: string,
): Promise<ReceiptFile | "pending"> {
  const headers = { [SUBJECT_HEADER]: subjectId };
  const get = async (path: string, own: boolean) => {
    const res = await fetch(`${api}${path}`, own ? { headers } : {});
    if (res.status === 409) return "pending" as const;
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return (await res.json()) as unknown;
  };
  const receiptPath = `/v1/receipts/${encodeURIComponent(id)}`;
  const [receipt, jwks, log] = await Promise.all([
    get(receiptPath, true),
    get(`/v1/sites/${encodeURIComponent(siteKey)}/jwks`, false),
    get(`${receiptPath}/proof`, true),
  ]);
  if (log === "pending") return "pending";
  return { receipt, jwks, log } as ReceiptFile;
}

/** Offers `file` to the visitor as a download named after its receipt. */
export function downloadReceiptFile(file: ReceiptFile, id: string): void {
  const url = URL.createObjectURL(
    new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: "application/json" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = `consent-receipt-${id}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
