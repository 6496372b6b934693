export { archivedSdk, archiveSdk, isContentHashed, SDK_ARCHIVE_DAYS } from "./sdk-archive";
