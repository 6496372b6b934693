import type { WordingDictionary } from "./dictionary";

/** Welsh. */
export default {
  acceptLabels: ["iawn", "parhau", "cytuno", "derbyn", "ydw", "caniatau"],
  impliedConsent: ["drwy barhau", "drwy ddefnyddio'r wefan"],
  necessaryClaims: ["hollol angenrheidiol", "angenrheidiol", "hanfodol", "bob amser ymlaen"],
  legitimateInterest: ["buddiant dilys"],
  refuseLabels: ["gwrthod y cyfan", "gwrthod", "na", "dim diolch", "dim nawr"],
  closeLabels: ["cau", "cuddio"],
  limiters: ["heb", "yn unig", "dim ond"],
} satisfies WordingDictionary;
