import type { SiteConfig } from "@assent/core";
import type { FieldsProps } from "./editor-props";

/** Theme, position, and the floating button that reopens the preferences. */
export function LookFields({ config, onChange }: FieldsProps) {
  const setUi = (patch: Partial<SiteConfig["ui"]>) =>
    onChange({ ...config, ui: { ...config.ui, ...patch } });
  return (
    <fieldset>
      <legend>Look</legend>
      <div class="filter-grid">
        <div class="field">
          <label for="ui-theme">Theme</label>
          <select
            id="ui-theme"
            value={config.ui.theme}
            onChange={(e) => setUi({ theme: e.currentTarget.value as SiteConfig["ui"]["theme"] })}
          >
            <option value="auto">Follow the visitor's system</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </div>
        <div class="field">
          <label for="ui-position">Position</label>
          <select
            id="ui-position"
            value={config.ui.position}
            onChange={(e) =>
              setUi({ position: e.currentTarget.value as SiteConfig["ui"]["position"] })
            }
          >
            <option value="bar">Bar along the bottom</option>
            <option value="box">Box in a corner</option>
            <option value="modal">Centred dialog</option>
          </select>
        </div>
      </div>
      <div class="choice">
        <input
          id="ui-floating"
          type="checkbox"
          checked={config.ui.floatingButton}
          onChange={(e) => setUi({ floatingButton: e.currentTarget.checked })}
        />
        <label for="ui-floating">Show a small button that reopens the preferences</label>
      </div>
    </fieldset>
  );
}
