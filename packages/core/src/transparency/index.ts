// The transparency log: RFC 6962 Merkle hashing, C2SP tlog-tiles, signed notes, checkpoints and
// cosignatures, and the offline check of a receipt file. Framework-free (WebCrypto only).
export { fromBase64, toBase64, toHex } from "./bytes";
export {
  type Checkpoint,
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  signCheckpoint,
} from "./checkpoint";
export { type CosignatureCheck, cosignCheckpoint, verifyCosignature } from "./cosignature";
export {
  ed25519FromJwk,
  ed25519FromSeed,
  ed25519Generate,
  type WebCryptoKey,
} from "./ed25519";
export { configEntry, type LogEntry, parseEntry, receiptEntry } from "./entries";
export {
  decodeEntryBundle,
  encodeEntryBundle,
  MAX_ENTRY_SIZE,
} from "./entry-bundle";
export {
  emptyRoot,
  HASH_SIZE,
  type Hash,
  leafHash,
  leafHashSync,
  nodeHash,
  nodeHashSync,
} from "./hash";
export { type MemoryLog, memoryLog } from "./memory-log";
export {
  appendSignatures,
  cosignatureMessage,
  isValidKeyName,
  keyHash,
  NoteError,
  type NoteErrorCode,
  type NoteSignature,
  type NoteSigner,
  noteVerifierKey,
  type OpenedNote,
  openNote,
  parseVerifierKey,
  SIGNATURE_TYPE,
  signatureLine,
  signNote,
  splitNote,
  type VerifierKey,
  witnessVerifierKey,
} from "./note";
export {
  type ReceiptFileCheck,
  type ReceiptFileCheckName,
  type ReceiptFileOptions,
  type ReceiptFileReport,
  verifyReceiptFile,
} from "./receipt-file";
export { proveConsistency, proveInclusion, type ReadTile, treeRoot } from "./tile-proofs";
export {
  nodesAtTileLevel,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  type Tile,
  tileOfNode,
  tilePath,
  tilesForSize,
  tileWidth,
} from "./tiles";
export {
  appendLeaves,
  decodeEdge,
  edgeRoot,
  emptyEdge,
  encodeEdge,
  type TileNode,
  type TreeEdge,
} from "./tree-edge";
export { verifyConsistency, verifyInclusion } from "./verify-proofs";
