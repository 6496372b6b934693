import type { SiteSummary } from "@assent/core";
import { AuditView } from "../audit";
import { ExportsView } from "../exports";
import { OverviewView } from "../overview";
import { RecordsView } from "../records";
import { RequestsView } from "../requests";
import { SettingsView } from "../settings";
import { SitesView } from "../sites";
import { UsersView } from "../users";
import type { Section } from "./views";

export interface SiteSectionProps {
  view: Section;
  sites: readonly SiteSummary[];
  onOpenSite: (key: string) => void;
}

/** The chosen section of the chosen site. */
export function SiteSection({ view, sites, onOpenSite }: SiteSectionProps) {
  switch (view) {
    case "sites":
      return <SitesView sites={sites} onOpenSite={onOpenSite} />;
    case "overview":
      return <OverviewView />;
    case "records":
      return <RecordsView />;
    case "requests":
      return <RequestsView />;
    case "exports":
      return <ExportsView />;
    case "settings":
      return <SettingsView />;
    case "users":
      return <UsersView />;
    case "audit":
      return <AuditView />;
  }
}
