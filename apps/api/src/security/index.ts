export { API_CSP, HSTS, secureHeaders, servedOverHttps } from "./secure-headers";
