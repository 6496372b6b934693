export { type BodyEncoder, encodedResponses } from "./encoded-responses";
export { CODINGS, type Coding, codedTag, identityTag, preferredCoding } from "./negotiate";
