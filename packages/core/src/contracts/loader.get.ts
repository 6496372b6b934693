import * as v from "valibot";

/** `GET /s/SITE_KEY.js`: the loader, JavaScript with the site's configuration inlined. */
export const LoaderGet = { response: v.pipe(v.string(), v.description("JavaScript")) };
