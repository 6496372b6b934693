export { loaderRoutes } from "./loader.routes";
export { loaderRoute, siteConfigRoute } from "./loader.spec";
