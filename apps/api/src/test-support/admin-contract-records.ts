import { newSubjectId, type ReceiptInput, type StoredReceipt } from "@assent/core";
import { beforeAll, describe, expect, it } from "vitest";
import { type AdminContractContext, expectError } from "./admin-contract";
import { receiptFor } from "./http-client";

const ids = (items: { id: string }[]) => items.map((r) => r.id);

type Listed = StoredReceipt & { digest: string; signature: string; erasedAt: string | null };

/** The consent log as admins read it: the query, exports, subject erasure. */
export function recordsContract(ctx: AdminContractContext): void {
  const stored = new Map<string, StoredReceipt>();
  /** Posts receipts as a browser on the site's page would; keeps each 201 answer. */
  const post = async (receipts: ReceiptInput[]) => {
    for (const r of receipts) {
      const res = await ctx.target.fetch("/v1/receipts", {
        method: "POST",
        headers: { "Content-Type": "application/json", "User-Agent": "ContractBrowser/2.0" },
        body: JSON.stringify(r),
      });
      expect(res.status).toBe(201);
      stored.set(r.id, await res.json());
    }
  };
  const list = async (query: string) =>
    (await ctx.owner.json<{ items: Listed[] }>("GET", `/v1/admin/receipts?${query}`)).items;

  describe("records", () => {
    const subject = newSubjectId();
    let accepted: ReceiptInput;
    let rejected: ReceiptInput;
    let custom: ReceiptInput;
    beforeAll(async () => {
      const config = await ctx.addSite("rec");
      const choice = (analytics: boolean) => ({ categories: { analytics } });
      accepted = receiptFor("rec", config, { method: "accept-all", choice: choice(true) });
      rejected = receiptFor("rec", config, { method: "reject-all", choice: choice(false) });
      custom = receiptFor("rec", config, { subjectId: subject, choice: choice(true) });
      await post([accepted, rejected, custom]);
    });

    it("queries the log newest first, by method, category decision, subject and id", async () => {
      expect(ids(await list("site=rec"))).toEqual([custom.id, rejected.id, accepted.id]);
      expect(ids(await list("site=rec&method=accept-all"))).toEqual([accepted.id]);
      expect(ids(await list("site=rec&denied=analytics"))).toEqual([rejected.id]);
      expect(ids(await list("site=rec&granted=analytics"))).toEqual([custom.id, accepted.id]);
      expect(ids(await list(`site=rec&subject=${subject}`))).toEqual([custom.id]);
      expect(ids(await list(`site=rec&id=${rejected.id}`))).toEqual([rejected.id]);
      const [row] = await list(`site=rec&id=${accepted.id}`);
      expect(row).toMatchObject({ ...stored.get(accepted.id), erasedAt: null });
    });

    it("pages with a cursor, each receipt once", async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { id: string }[]; nextCursor: string | null } = await ctx.owner.json(
          "GET",
          `/v1/admin/receipts?site=rec&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        );
        seen.push(...ids(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([custom.id, rejected.id, accepted.id]);
    });

    it("answers a bad filter with 400 and another tenant's site with 404", async () => {
      await expectError(
        await ctx.owner.get("/v1/admin/receipts?site=rec&method=maybe"),
        400,
        "INVALID_QUERY",
      );
      await expectError(await ctx.owner.get("/v1/admin/receipts?site=nope"), 404, "SITE_NOT_FOUND");
    });

    it("exports the filtered log as CSV and NDJSON, oldest first", async () => {
      const csv = await ctx.owner.get("/v1/admin/exports?site=rec&format=csv");
      expect(csv.status).toBe(200);
      expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
      expect(csv.headers.get("Content-Disposition")).toMatch(
        /^attachment; filename="assent-rec-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const rows = (await csv.text()).trim().split(/\r?\n/);
      expect(rows).toHaveLength(4);
      expect(rows[0]?.split(",")[0]).toBe("id");
      expect(rows.slice(1).map((r) => r.split(",")[0])).toEqual([
        accepted.id,
        rejected.id,
        custom.id,
      ]);
      const nd = await ctx.owner.get("/v1/admin/exports?site=rec&format=ndjson&granted=analytics");
      const lines = (await nd.text())
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(ids(lines)).toEqual([accepted.id, custom.id]);
      await expectError(
        await ctx.owner.get("/v1/admin/exports?site=rec&format=xls"),
        400,
        "INVALID_QUERY",
      );
    });

    it("erases a subject: personal fields removed, each receipt and its proof kept", async () => {
      const before = stored.get(custom.id);
      expect(before).toMatchObject({ subjectId: subject, userAgent: "ContractBrowser/2.0" });
      expect(before?.pagePath).toBe("/join/");
      const res = await ctx.owner.request("DELETE", `/v1/admin/subjects/${subject}?site=rec`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ site: "rec", erased: 1, receiptIds: [custom.id] });
      const [row] = await list(`site=rec&id=${custom.id}`);
      expect(row).toMatchObject({
        subjectId: "",
        ip: null,
        userAgent: null,
        erasedAt: expect.any(String),
        decision: custom.decision,
        digest: before?.proof?.digest,
        signature: before?.proof?.signature,
      });
      expect(row?.pagePath ?? null).toBeNull();
      const access = await ctx.owner.json<{ receipts: unknown[] }>(
        "GET",
        `/v1/admin/subjects/${subject}?site=rec`,
      );
      expect(access.receipts).toEqual([]);
      const own = await ctx.target.fetch(`/v1/receipts/${custom.id}`, {
        headers: { "X-Assent-Subject": subject },
      });
      await expectError(own, 404, "RECEIPT_NOT_FOUND");
      // Asked again, it answers with the erasure that holds, not as if nothing was ever held.
      const again = await ctx.owner.request("DELETE", `/v1/admin/subjects/${subject}?site=rec`);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ erased: 0, alreadyErased: true });
      await expectError(
        await ctx.owner.request("DELETE", `/v1/admin/subjects/${newSubjectId()}?site=rec`),
        404,
        "SUBJECT_NOT_FOUND",
      );
    });

    it("pages the site's audit log, each entry once, naming the erased subject only by its hash", async () => {
      type Entry = { id: number; action: string; target: string | null };
      const audit = (query: string) =>
        ctx.owner.json<{ items: Entry[]; nextBefore: number | null }>(
          "GET",
          `/v1/admin/sites/rec/audit?${query}`,
        );
      const all = (await audit("limit=200")).items;
      expect(all.map((e) => e.action)).toEqual(expect.arrayContaining(["subject.erase"]));
      const paged: Entry[] = [];
      let before: number | null = null;
      for (let pages = 0; pages <= all.length; pages++) {
        const page = await audit(`limit=2${before ? `&before=${before}` : ""}`);
        paged.push(...page.items);
        before = page.nextBefore;
        if (!before) break;
      }
      expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(JSON.stringify(all)).not.toContain(subject);
    });
  });
}
