import type { SiteService } from "@assent/core";
import { serviceDetails } from "./service-details";
import type { Texts } from "./texts";

/** Props of a category's expandable list of services. */
export interface ServiceListProps {
  services: readonly SiteService[];
  t: Texts;
  on: Record<string, boolean>;
  locked: boolean;
  onToggle(id: string, on: boolean): void;
}

/** A category's services, each with its own switch, provider, purpose, cookies and privacy link. */
export function ServiceList({ services, t, on, locked, onToggle }: ServiceListProps) {
  return (
    <details>
      <summary>
        {t("services")} ({services.length})
      </summary>
      {services.map((service) => {
        const name = t(`service.${service.id}`, service.name ?? service.id);
        const info = serviceDetails(service, t);
        const inputId = `assent-svc-${service.id}`;
        return (
          <div class="service" key={service.id}>
            <div class="row">
              <label for={inputId}>{name}</label>
              <input
                id={inputId}
                type="checkbox"
                role="switch"
                aria-checked={on[service.id] === true}
                checked={on[service.id] === true}
                disabled={locked}
                onChange={(e) => onToggle(service.id, e.currentTarget.checked)}
              />
            </div>
            <dl>
              {info.provider && [<dt>{t("provider")}</dt>, <dd>{info.provider}</dd>]}
              {info.purpose && [<dt>{t("purpose")}</dt>, <dd>{info.purpose}</dd>]}
              {info.cookies.length > 0 && [
                <dt>{t("cookies")}</dt>,
                <dd>
                  {info.cookies
                    .map((c) => (c.lifetime ? `${c.name} (${c.lifetime})` : c.name))
                    .join(", ")}
                </dd>,
              ]}
            </dl>
            {info.privacyPolicyUrl && (
              <a href={info.privacyPolicyUrl} target="_blank" rel="noopener">
                {t("serviceprivacy")} {name}
              </a>
            )}
          </div>
        );
      })}
    </details>
  );
}
