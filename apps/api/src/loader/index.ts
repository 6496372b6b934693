export { loaderRoutes, publicOrigin } from "./loader.routes";
