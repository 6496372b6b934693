export { apiTokens } from "./api-tokens";
export { auditLog } from "./audit-log";
export { dailyCategoryStats, dailyMethodStats } from "./daily-stats";
export { receiptCategories, receipts } from "./receipts";
export { sessions } from "./sessions";
export { signingKeys } from "./signing-keys";
export { siteConfigDrafts, siteConfigs } from "./site-configs";
export { sites } from "./sites";
export { siteMembers, users } from "./users";
