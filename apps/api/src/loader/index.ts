export { loaderRoutes } from "./loader.routes";
