export { allowAnyOrigin, publicResource } from "./cross-origin";
export { API_CSP, HSTS, secureHeaders } from "./secure-headers";
