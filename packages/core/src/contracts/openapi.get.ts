import * as v from "valibot";

/** `GET /v1/openapi.json`: the OpenAPI 3.1 document. */
export const OpenApiGet = {
  response: v.object({
    openapi: v.string(),
    info: v.unknown(),
    paths: v.record(v.string(), v.unknown()),
  }),
};
