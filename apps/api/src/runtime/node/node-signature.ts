import { createHash, KeyObject, sign } from "node:crypto";
import type { SignaturePrimitives } from "../../signing";

const keyObjects = new WeakMap<CryptoKey, KeyObject>();

/** `node:crypto` versions of the signature primitives: same bytes, no thread-pool hop. */
export const nodePrimitives: SignaturePrimitives = {
  sha256Hex: (text) => createHash("sha256").update(text, "utf8").digest("hex"),
  signEd25519: (key, data) => {
    let keyObject = keyObjects.get(key);
    if (!keyObject) {
      keyObject = KeyObject.from(key);
      keyObjects.set(key, keyObject);
    }
    return sign(null, data, keyObject);
  },
};
