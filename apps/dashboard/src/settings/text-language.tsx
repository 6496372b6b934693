import { LANGUAGES } from "@assent/core";

const names = new Intl.DisplayNames(["en"], { type: "language" });

/**
 * The languages whose texts an owner can edit: exactly those the banner speaks (core's list),
 * each by its English name. A language the banner cannot show is not offered.
 */
export function TextLanguagePicker({
  language,
  onLanguage,
}: {
  language: string;
  onLanguage: (language: string) => void;
}) {
  return (
    <>
      <label for="text-language">Language</label>
      <select
        id="text-language"
        value={language}
        onChange={(e) => onLanguage(e.currentTarget.value)}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {names.of(code) ?? code} ({code})
          </option>
        ))}
      </select>
    </>
  );
}
