import type { ConfigState, SiteConfig } from "@assent/core";
import { useState } from "preact/hooks";
import { getConfigState, getSiteSettings, publishDraft, saveDraft } from "../api";
import { LoadState, useAdmin, useLoad } from "../ui";
import { BannerPreview } from "./banner-preview";
import { ConfigEditor } from "./config-editor";
import { EmbedSnippet } from "./embed-snippet";
import { PolicyBump } from "./policy-bump";
import { SiteAccessForm } from "./site-access-form";

/** Site settings: the banner's configuration with a live preview, policy bumps, access, embed. */
export function SettingsView() {
  const { site } = useAdmin();
  const state = useLoad(() => getConfigState(site.key), site.key);
  const settings = useLoad(() => getSiteSettings(site.key), site.key);
  if (!state.data) return <LoadState loaded={state} what="the configuration" />;
  return (
    <div class="settings-view">
      <BannerSettings state={state.data} onState={state.set} reload={state.reload} />
      <PolicyBump
        current={state.data.published?.config.policyVersion ?? "—"}
        onBumped={() => state.reload()}
      />
      {settings.data ? (
        <SiteAccessForm settings={settings.data} onSettings={settings.set} />
      ) : (
        <LoadState loaded={settings} what="site settings" />
      )}
      <EmbedSnippet siteKey={site.key} />
    </div>
  );
}

interface BannerSettingsProps {
  state: ConfigState;
  onState: (state: ConfigState) => void;
  reload: () => void;
}

function BannerSettings({ state, onState, reload }: BannerSettingsProps) {
  const { site, can, failure } = useAdmin();
  const start = state.draft?.config ?? state.published?.config;
  const [config, setConfig] = useState<SiteConfig | undefined>(start);
  const [language, setLanguage] = useState(start?.defaultLanguage ?? "en");
  const [scheme, setScheme] = useState<"light" | "dark">("light");
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");
  if (!config) return <p>This site has no configuration yet.</p>;

  const run = async (publish: boolean) => {
    setMessage("");
    setError("");
    try {
      const saved = await saveDraft(site.key, config);
      onState(saved);
      if (publish) {
        const version = await publishDraft(site.key);
        setMessage(`Published as version ${version.version}. Visitors see it from now on.`);
        reload();
      } else {
        setMessage("Draft saved. Visitors see nothing of it until it is published.");
      }
    } catch (caught) {
      setError(failure(caught));
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
          <div class="choice">
            <input
              id="preview-dark"
              type="checkbox"
              checked={scheme === "dark"}
              onChange={(e) => setScheme(e.currentTarget.checked ? "dark" : "light")}
            />
            <label for="preview-dark">Preview a visitor in dark mode</label>
          </div>
          <BannerPreview config={config} language={language} scheme={scheme} />
        </div>
      </div>
    </section>
  );
}
