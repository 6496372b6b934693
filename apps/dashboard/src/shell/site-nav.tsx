import { hasRole, type Role } from "@assent/core";
import { type Section, VIEW_LABELS, VIEW_ROLES, VIEWS, type View } from "./views";

export interface SiteNavProps {
  /** The view shown (none of the links is current on the account view). */
  view: View;
  role: Role | undefined;
  onNavigate: (view: Section) => void;
}

/** The sections the user's role allows, as links that keep the address meaningful. */
export function SiteNav({ view, role, onNavigate }: SiteNavProps) {
  const allowed = VIEWS.filter((v) => v === "sites" || (role && hasRole(role, VIEW_ROLES[v])));
  return (
    <nav class="site-nav" aria-label="Sections">
      <ul>
        {allowed.map((v) => (
          <li key={v}>
            <a
              href={`?view=${v}`}
              aria-current={v === view ? "page" : undefined}
              onClick={(event) => {
                event.preventDefault();
                onNavigate(v);
              }}
            >
              {VIEW_LABELS[v]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
