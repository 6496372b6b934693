import { CategoriesFields } from "./categories-fields";
import { ConsentModeFields } from "./consent-mode-fields";
import type { FieldsProps } from "./editor-props";
import { LookFields } from "./look-fields";
import { PolicyFields } from "./policy-fields";
import { RulesFields } from "./rules-fields";
import { ServicesFields } from "./services-fields";
import { TextsFields } from "./texts-fields";

export interface ConfigEditorProps extends FieldsProps {
  language: string;
  onLanguage: (language: string) => void;
}

/**
 * The banner's configuration, one fieldset per concern: categories, services, texts, policy
 * links and expiry, look, Consent Mode options, and rules per region.
 */
export function ConfigEditor({ config, onChange, language, onLanguage }: ConfigEditorProps) {
  return (
    <>
      <CategoriesFields config={config} onChange={onChange} />
      <ServicesFields config={config} onChange={onChange} />
      <TextsFields
        config={config}
        onChange={onChange}
        language={language}
        onLanguage={onLanguage}
      />
      <PolicyFields config={config} onChange={onChange} />
      <LookFields config={config} onChange={onChange} />
      <ConsentModeFields config={config} onChange={onChange} />
      <RulesFields config={config} onChange={onChange} />
    </>
  );
}
