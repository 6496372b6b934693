// The transparency log: RFC 6962 Merkle hashing, C2SP tlog-tiles, signed notes, checkpoints and
// cosignatures, and the offline check of a receipt file. Framework-free (WebCrypto only).
export { fromBase64, toBase64, toHex } from "./bytes";
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
