export { receipts } from "./receipts";
export { sessions } from "./sessions";
export { siteConfigs } from "./site-configs";
export { sites } from "./sites";
export { siteMembers, users } from "./users";
