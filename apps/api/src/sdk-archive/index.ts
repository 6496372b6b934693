export { archivedSdk, archiveSdk, isContentHashed, SDK_ARCHIVE_DAYS } from "./sdk-archive";
export {
  buildWording,
  purgeUnusedWordings,
  readWording,
  recordWording,
  wordingHash,
} from "./wordings";
