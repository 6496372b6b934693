import {
  type AccessReport,
  type AccessReportSite,
  type AccessReportTextKey,
  ENGLISH_ACCESS_REPORT,
  reportMadeOn,
  reportText,
} from "@assent/core";
import type { ComponentChildren } from "preact";

/** The report's own words for its headings (English, the only dictionary so far). */
const words = (key: AccessReportTextKey) => reportText(ENGLISH_ACCESS_REPORT, key);

type Level = 1 | 2 | 3 | 4;

function Heading({ level, children }: { level: number; children: ComponentChildren }) {
  const Tag = `h${Math.min(level, 6)}` as "h2";
  return <Tag>{children}</Tag>;
}

/** A link only to an http(s) address: the report is sent to a visitor as a file. */
function Link({ href }: { href: string }) {
  return /^https?:\/\//.test(href) ? (
    <a href={href} rel="noreferrer">
      {href}
    </a>
  ) : (
    <span>{href}</span>
  );
}

function Records({ site, level }: { site: AccessReportSite; level: number }) {
  return (
    <>
      <Heading level={level}>{words("heading.data")}</Heading>
      <ul>
        {site.data.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{site.storage.text}</p>
      <Heading level={level}>{words("heading.records")}</Heading>
      <ol class="report-records">
        {site.records.map((record) => (
          <li key={record.id} data-report-record={record.id}>
            <p>
              <strong>{record.summary}</strong>
            </p>
            <p>{record.decision}</p>
            {record.servicesDecision && <p>{record.servicesDecision}</p>}
            <dl class="report-list">
              {record.details.map((detail) => (
                <div key={detail.field}>
                  <dt>{detail.label}</dt>
                  <dd>{detail.text}</dd>
                </div>
              ))}
            </dl>
            <p>{record.deletion}</p>
          </li>
        ))}
      </ol>
      <Heading level={level}>{words("heading.purposes")}</Heading>
      <dl class="report-list">
        {site.purposes.map((purpose) => (
          <div key={purpose.id}>
            <dt>{purpose.label}</dt>
            <dd>
              {purpose.description}
              {purpose.services.length > 0 && (
                <ul>
                  {purpose.services.map((s) => (
                    <li key={s.id}>
                      <strong>{s.name}</strong>
                      {s.provider && s.provider !== s.name ? ` (${s.provider})` : ""}: {s.purpose}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <Heading level={level}>{words("heading.recipients")}</Heading>
      <p>{site.recordsRecipient}</p>
      <ul>
        {site.recipients.map((recipient) => (
          <li key={recipient.provider}>
            <strong>{recipient.provider}</strong>. {recipient.text}
            <ul>
              {recipient.services.map((s) => (
                <li key={s.id}>{s.text}</li>
              ))}
            </ul>
            {recipient.privacyPolicyUrl && (
              <p>
                {words("heading.policy")}: <Link href={recipient.privacyPolicyUrl} />
              </p>
            )}
          </li>
        ))}
      </ul>
      <Heading level={level}>{words("heading.retention")}</Heading>
      <p>{site.retention.text}</p>
      <p>{site.retention.why}</p>
    </>
  );
}

function Site({ site, level }: { site: AccessReportSite; level: number }) {
  const erased = site.erasures.length > 0;
  return (
    <section class="report-site" data-report-site={site.site}>
      <Heading level={level}>
        {site.name} <small>({site.site})</small>
      </Heading>
      <p>{site.summary}</p>
      {site.held && <Records site={site} level={level + 1} />}
      {erased && (
        <>
          <Heading level={level + 1}>{words("heading.erasures")}</Heading>
          <ul>
            {site.erasures.map((erasure) => (
              <li key={erasure.auditId}>{erasure.text}</li>
            ))}
          </ul>
          <p>{site.erasureNote}</p>
        </>
      )}
      {(site.held || erased) && (
        <>
          <Heading level={level + 1}>{words("heading.withdraw")}</Heading>
          <p>{site.withdraw}</p>
          {site.privacyPolicyUrl && (
            <p>
              {words("heading.policy")}: <Link href={site.privacyPolicyUrl} />
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * An access report as a document: the report's title at `level`, then each site, the rights
 * and the source. `forVisitor` leaves out the sites that hold nothing (other tenants' names
 * are no business of the visitor), saying so in one line.
 */
export function AccessReportDocument({
  report,
  level,
  forVisitor = false,
}: {
  report: AccessReport;
  level: Level;
  forVisitor?: boolean;
}) {
  const shown = forVisitor
    ? report.sites.filter((s) => s.held || s.erasures.length > 0)
    : report.sites;
  return (
    <article class="access-report-document" lang={report.language}>
      <Heading level={level}>{report.title}</Heading>
      <p>{report.intro}</p>
      <p>{reportMadeOn(report)}</p>
      <Heading level={level + 1}>{words("heading.summary")}</Heading>
      <p>{report.summary}</p>
      {shown.map((site) => (
        <Site key={site.site} site={site} level={level + 1} />
      ))}
      {shown.length < report.sites.length && shown.length > 0 && <p>{words("otherSites.none")}</p>}
      <Heading level={level + 1}>{words("heading.rights")}</Heading>
      <dl class="report-list">
        {report.rights.map((right) => (
          <div key={right.right}>
            <dt>{right.title}</dt>
            <dd>{right.text}</dd>
          </div>
        ))}
      </dl>
      <Heading level={level + 1}>{words("heading.source")}</Heading>
      <p>{report.source}</p>
    </article>
  );
}
