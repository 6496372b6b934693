export { type JsonSchema, jsonSchemaOf } from "./json-schema";
export { healthRoute, openApiRoute, openApiRoutes } from "./openapi.routes";
export { openApiDocument } from "./openapi-document";
export {
  type Access,
  defineRoute,
  type RouteInput,
  type RouteResponse,
  type RouteSpec,
  routeSpecsIn,
  type Schema,
} from "./route-spec";
