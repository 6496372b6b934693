export {
  cachedIsPublishedHash,
  cachedLatestConfig,
  cachedSite,
  invalidateSiteCache,
  SITE_CACHE_TTL_MS,
} from "./site-cache";
export {
  findSiteByKey,
  isPublishedHash,
  latestConfig,
  type PublishedConfig,
  publishConfig,
  type Site,
} from "./site-repository";
