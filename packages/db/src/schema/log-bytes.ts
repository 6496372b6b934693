import { customType } from "drizzle-orm/sqlite-core";

/**
 * A BLOB column read and written as a `Uint8Array` on every driver: libSQL hands blobs back as
 * `ArrayBuffer`, D1 as an array of numbers, and neither needs Node's `Buffer`.
 */
export const bytes = customType<{ data: Uint8Array; driverData: unknown }>({
  dataType: () => "blob",
  toDriver: (value) => value,
  fromDriver: (value) => {
    if (value instanceof Uint8Array) return new Uint8Array(value);
    if (value instanceof ArrayBuffer) return new Uint8Array(value);
    if (Array.isArray(value)) return Uint8Array.from(value as number[]);
    throw new TypeError(`not a blob: ${typeof value}`);
  },
});
