export { type AccessReportInput, buildAccessReport, reportMadeOn } from "./access-report";
export type { ReportConfig, ReportService } from "./report-labels";
export type { ReportConfigVersion, ReportReceipt } from "./report-records";
export type { AccessReportSiteInput } from "./report-site";
export {
  ACCESS_REPORT_TEXTS,
  type AccessReportTextKey,
  type AccessReportTexts,
  countedText,
  ENGLISH_ACCESS_REPORT,
  reportInstant,
  reportText,
} from "./report-texts";
