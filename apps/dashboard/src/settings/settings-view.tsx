import { type ConfigState, lintConfig, type SiteConfig, warningRules } from "@assent/core";
import { useMemo, useState } from "preact/hooks";
import { ApiRequestError, getConfigState, getSiteSettings, publishDraft, saveDraft } from "../api";
import { LoadState, useAdmin, useLoad } from "../ui";
import { BannerPreview } from "./banner-preview";
import { ComplianceFindings } from "./compliance-findings";
import { ConfigEditor } from "./config-editor";
import { EmbedSnippet } from "./embed-snippet";
import { PolicyBump } from "./policy-bump";
import { SiteAccessForm } from "./site-access-form";
import { WitnessesPanel } from "./witnesses-panel";

/** Site settings: the banner's configuration with a live preview, policy bumps, access, embed. */
export function SettingsView() {
  const { site, can } = useAdmin();
  const state = useLoad(() => getConfigState(site.key), site.key);
  const settings = useLoad(() => getSiteSettings(site.key), site.key);
  if (!state.data) return <LoadState loaded={state} what="the configuration" />;
  return (
    <div class="settings-view">
      <BannerSettings
        state={state.data}
        onState={state.set}
        reload={state.reload}
        siteOrigins={settings.data?.allowedOrigins ?? []}
      />
      <PolicyBump
        current={state.data.published?.config.policyVersion ?? "—"}
        published={state.data.published?.config}
        siteOrigins={settings.data?.allowedOrigins ?? []}
        onBumped={() => state.reload()}
        onOutdated={() => state.reload()}
      />
      {settings.data ? (
        <SiteAccessForm settings={settings.data} onSettings={settings.set} />
      ) : (
        <LoadState loaded={settings} what="site settings" />
      )}
      {can("admin") && <WitnessesPanel />}
      <EmbedSnippet siteKey={site.key} />
    </div>
  );
}

interface BannerSettingsProps {
  state: ConfigState;
  onState: (state: ConfigState) => void;
  reload: () => void;
  /** The site's origins: a policy link there is on the page the banner covers. */
  siteOrigins: readonly string[];
}

function BannerSettings({ state, onState, reload, siteOrigins }: BannerSettingsProps) {
  const { site, can, failure } = useAdmin();
  const start = state.draft?.config ?? state.published?.config;
  const [config, setConfig] = useState<SiteConfig | undefined>(start);
  const [language, setLanguage] = useState(start?.defaultLanguage ?? "en");
  const [scheme, setScheme] = useState<"light" | "dark">("light");
  /** The rule whose visitors the preview stands for ("" for the banner without rules). */
  const [previewRule, setPreviewRule] = useState("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const findings = useMemo(
    () => (config ? lintConfig(config, { siteOrigins }) : []),
    [config, siteOrigins],
  );
  if (!config) return <p>This site has no configuration yet.</p>;
  const acknowledge = (rule: string, yes: boolean) => {
    const next = new Set(acknowledged);
    if (yes) next.add(rule);
    else next.delete(rule);
    setAcknowledged(next);
  };

  const run = async (publish: boolean) => {
    setMessage("");
    setError("");
    try {
      const saved = await saveDraft(site.key, config);
      onState(saved);
      if (publish) {
        // Only the ticks of warnings still found count: the server wants exactly those.
        const current = warningRules(saved.findings).filter((rule) => acknowledged.has(rule));
        const version = await publishDraft(site.key, current);
        setAcknowledged(new Set());
        setMessage(`Published as version ${version.version}. Visitors see it from now on.`);
        reload();
      } else {
        setMessage("Draft saved. Visitors see nothing of it until it is published.");
      }
    } catch (caught) {
      setError(failure(caught));
      // Another admin published meanwhile: show the version this one would have replaced.
      if (caught instanceof ApiRequestError && caught.code === "CONFIG_CHANGED") reload();
    }
  };

  return (
    <section aria-labelledby="banner-heading" class="banner-settings">
      <h2 id="banner-heading">Banner</h2>
      <p class="help">
        {state.draft
          ? "You are editing an unpublished draft."
          : `Showing the published version ${state.published?.version ?? ""}.`}
      </p>
      <div class="settings-columns">
        <form
          class="card-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(true);
          }}
        >
          <fieldset disabled={!can("admin")} class="plain">
            <legend class="visually-hidden">Banner configuration</legend>
            <ConfigEditor
              config={config}
              onChange={setConfig}
              language={language}
              onLanguage={setLanguage}
            />
            <div class="actions">
              <button class="button" type="button" onClick={() => run(false)}>
                Save draft
              </button>
              <button class="button primary" type="submit">
                Publish
              </button>
            </div>
          </fieldset>
          <p role="status">{message}</p>
          <p class="form-error" role="alert">
            {error}
          </p>
        </form>
        <div class="preview-column">
          <ComplianceFindings
            findings={findings}
            acknowledged={acknowledged}
            onAcknowledge={acknowledge}
            disabled={!can("admin")}
          />
          <div class="choice">
            <input
              id="preview-dark"
              type="checkbox"
              checked={scheme === "dark"}
              onChange={(e) => setScheme(e.currentTarget.checked ? "dark" : "light")}
            />
            <label for="preview-dark">Preview a visitor in dark mode</label>
          </div>
          {config.jurisdictions && (
            <div class="field">
              <label for="preview-rule">Preview a visitor under</label>
              <select
                id="preview-rule"
                value={previewRule}
                onChange={(e) => setPreviewRule(e.currentTarget.value)}
              >
                <option value="">no rule (the banner as without rules)</option>
                {config.jurisdictions.rules.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id} ({r.model})
                  </option>
                ))}
              </select>
            </div>
          )}
          <BannerPreview
            config={config}
            language={language}
            scheme={scheme}
            rule={config.jurisdictions?.rules.some((r) => r.id === previewRule) ? previewRule : ""}
          />
        </div>
      </div>
    </section>
  );
}
