import type { ConsentRecord, Decision, ReceiptInput, SiteConfig, SiteService } from "@assent/core";
import type { ChangeDetail, UiHandle, UiHost } from "../contract";
import type { AutoblockHost } from "./autoblock";
import type { EmbedGate } from "./gate-embeds";

/**
 * A page's consent state, made by the loader: the host the UI chunk is handed, the gate the
 * embeds go through, and what the modules imported on demand (the choice module, the embed
 * placeholder) read and change. Those are files of their own, so what they share with the
 * loader (the decision, the gates, the list of what ran) lives here, never in module state.
 */
export interface Session extends UiHost, EmbedGate, AutoblockHost {
  /** The site's services, then the catalogue's it does not list (`boot.traces`). */
  services: readonly SiteService[];
  /** What the visitor's rule runs until they choose; else `null`. */
  before: Decision | null;
  /** The stored record (cookie), current or not. */
  record: ConsentRecord | null;
  /** The visitor's decision while it holds, else `null`. */
  current: Decision | null;
  listeners: Set<(detail: ChangeDetail) => void>;
  /** The UI chunk, once imported and mounted. */
  ui: Promise<UiHandle> | null;
  /** Runs the gates (scripts, images, stylesheets, embeds) and the Meta pixel's consent. */
  gate(): void;
  /** Pushes Consent Mode's `update` for a decision. */
  update(decision: Decision | null): void;
  /** Offers the way back to the preference centre. */
  floatingButton(): void;
  /**
   * Imports the outbox and sends what waits in it, with the receipts the write-ahead could not
   * store (`writeAhead`).
   */
  flush(unsaved?: ReceiptInput[]): void;
  /** The whole published config, once fetched (`publishedConfig`): one fetch per page. */
  published?: Promise<SiteConfig>;
}
