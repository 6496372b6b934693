export {
  findSiteByKey,
  isPublishedHash,
  latestConfig,
  type PublishedConfig,
  publishConfig,
  type Site,
} from "./site-repository";
