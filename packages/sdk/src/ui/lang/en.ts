import { ENGLISH_TEXTS } from "@assent/core";

/** English: core's default texts. Every language chunk has the same keys; sites override any. */
export default ENGLISH_TEXTS;
