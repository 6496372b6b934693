export { type BannerTextKey, ENGLISH_TEXTS } from "./english";
