import { useState } from "preact/hooks";

/** The one script tag a site owner pastes first in `<head>`, with a copy button. */
export function EmbedSnippet({ siteKey }: { siteKey: string }) {
  const snippet = `<script src="${location.origin}/s/${siteKey}.js"></script>`;
  const [copied, setCopied] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("Copying failed: select the snippet and copy it yourself.");
    }
  };
  return (
    <section aria-labelledby="snippet-heading" class="card-form">
      <h2 id="snippet-heading">Embed snippet</h2>
      <p>Paste this as the first element of every page's &lt;head&gt;.</p>
      <pre class="snippet">
        <code data-testid="embed-snippet">{snippet}</code>
      </pre>
      <button class="button" type="button" onClick={copy}>
        Copy snippet
      </button>
      <span role="status"> {copied}</span>
    </section>
  );
}
