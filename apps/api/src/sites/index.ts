export {
  cachedLatestConfig,
  cachedPublishedByHash,
  cachedSite,
  invalidateSiteCache,
  SITE_CACHE_TTL_MS,
} from "./site-cache";
export {
  findSiteByKey,
  latestConfig,
  type PublishedConfig,
  publishConfig,
  publishedByHash,
  type Site,
} from "./site-repository";
