export { publishable } from "./publishable";
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
  type Publication,
  type PublishedConfig,
  publicationInsert,
  publishConfig,
  publishedByHash,
  type Site,
} from "./site-repository";
