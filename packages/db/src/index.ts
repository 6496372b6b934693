export type { Database, DatabaseHandle } from "./database";
export type { RowStatement } from "./drivers/local-connection";
export { MAX_BOUND_PARAMS } from "./limits";
export { applyMigrations, type MigrationExecutor } from "./migrate";
export { migrations } from "./migrations.gen";
export * from "./schema";
export { isDatabaseUnreachable, isSqliteBusy, isUniqueViolation } from "./sqlite-errors";
