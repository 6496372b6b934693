import { acknowledgementGap, type lintConfig } from "@assent/core";
import { ApiError } from "../errors";

/** Refuses a publication whose acknowledgement is not exactly the configuration's warnings. */
export function requireAcknowledged(
  findings: ReturnType<typeof lintConfig>,
  acknowledged: string[],
) {
  const { missing, extra } = acknowledgementGap(findings, acknowledged);
  if (!missing.length && !extra.length) return;
  const says = [
    missing.length ? `acknowledge ${missing.join(", ")}` : "",
    extra.length ? `${extra.join(", ")} ${extra.length === 1 ? "is" : "are"} not warned about` : "",
  ].filter(Boolean);
  throw new ApiError(
    "ACKNOWLEDGEMENT_REQUIRED",
    `Publishing needs the owner's acknowledgement of exactly the current warnings: ${says.join("; ")}`,
  );
}
