import type { AccessReport } from "@assent/core";
import { render } from "preact";
import { AccessReportDocument } from "./access-report";

/** The file's look: plain, printable, light and dark; inline, as the file loads nothing. */
const STYLE = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0 auto; max-width: 46rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
small { font-weight: normal; }
.report-site { border-top: 1px solid #8888; margin-top: 1.5rem; }
.report-records > li { margin-bottom: 1rem; }
dl > div { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: 0 1rem; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
@media print { .report-records > li { break-inside: avoid; } }
`;

/** Only what the document's own `<style>` needs: no script, no fetch, no frame, no image. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The access report as a self-contained HTML document an admin can send to the visitor: the
 * same document the dashboard shows (its sites holding nothing left out), rendered once by
 * Preact, which escapes every text, with an inline style and a policy forbidding anything else.
 */
export function accessReportHtml(report: AccessReport): string {
  const host = document.createElement("div");
  render(<AccessReportDocument report={report} level={1} forVisitor />, host);
  const body = host.innerHTML;
  render(null, host);
  const title = escapeHtml(`${report.title}: ${report.subjectId}`);
  return `<!doctype html>
<html lang="${escapeHtml(report.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>${body}</main>
</body>
</html>
`;
}

/** The report as a file to download. */
export function accessReportFile(report: AccessReport): Blob {
  return new Blob([accessReportHtml(report)], { type: "text/html;charset=utf-8" });
}

/** The downloaded file's name. */
export const accessReportFileName = (report: AccessReport) =>
  `access-report-${report.subjectId}-${report.generatedAt.slice(0, 10)}.html`;
