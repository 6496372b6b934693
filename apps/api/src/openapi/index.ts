export { type JsonSchema, toJsonSchema } from "./json-schema";
export { openApiRoutes } from "./openapi.routes";

import "./public-routes";

export { openApiDocument } from "./openapi-document";
export {
  type Access,
  declaredRoutes,
  defineRoute,
  type RouteInput,
  type RouteSpec,
  type Schema,
} from "./route-spec";
