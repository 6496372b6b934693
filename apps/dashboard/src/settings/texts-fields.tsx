import { EDITABLE_TEXTS, withText } from "./banner-texts";
import type { FieldsProps } from "./editor-props";
import { TextLanguagePicker } from "./text-language";

export interface TextsFieldsProps extends FieldsProps {
  /** The language being edited (and previewed). */
  language: string;
  onLanguage: (language: string) => void;
}

/** The banner's texts in one language at a time; an empty text keeps the standard wording. */
export function TextsFields({ config, onChange, language, onLanguage }: TextsFieldsProps) {
  return (
    <fieldset>
      <legend>Texts</legend>
      <div class="inline-add">
        <TextLanguagePicker language={language} onLanguage={onLanguage} />
      </div>
      <p class="help">Leave a text empty to use the banner's standard wording.</p>
      {EDITABLE_TEXTS.map((t) => (
        <div class="field" key={t.key}>
          <label for={`text-${t.key}`}>{t.label}</label>
          <textarea
            id={`text-${t.key}`}
            rows={t.key === "description" ? 4 : 1}
            placeholder={t.standard}
            value={config.texts[language]?.[t.key] ?? ""}
            onInput={(e) => onChange(withText(config, language, t.key, e.currentTarget.value))}
          />
        </div>
      ))}
    </fieldset>
  );
}
