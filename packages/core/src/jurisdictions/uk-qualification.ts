import { CATALOGUE_DATA_USE } from "../catalogue";
import { GPC_PURPOSES } from "../purposes";

/** The parts of a service the UK qualification reads. */
export interface QualifiedService {
  id: string;
  provider?: string | undefined;
  purposes?: readonly string[] | undefined;
  /** Google Analytics: whether Google Signals or advertising features are on (absent: on). */
  advertisingFeatures?: boolean | undefined;
}

/** Whether a service may run before a choice under a UK exemption, and if not, why. */
export type Qualification = { qualifies: true } | { qualifies: false; why: string };

/**
 * Whether a service may run before a choice in a category with a UK `exemption`: only what the
 * site collects for itself, or through a processor acting only for it, qualifies. Refused:
 * anything with an advertising or sale-or-share purpose, Meta's services, catalogue services
 * whose provider uses the data for its own purposes, and Google Analytics unless the site
 * declares Google Signals and advertising features off (`advertisingFeatures: false`).
 * @example ukQualification({ id: "google-analytics" }).qualifies // false
 */
export function ukQualification(service: QualifiedService): Qualification {
  const advertising = service.purposes?.find((p) => GPC_PURPOSES.includes(p as never));
  if (advertising)
    return { qualifies: false, why: `it is declared for ${advertising}, which needs consent` };
  if (/^meta\b/i.test(service.provider ?? "") || service.id.startsWith("meta-"))
    return { qualifies: false, why: "Meta uses what its tools collect for its own advertising" };
  const use = CATALOGUE_DATA_USE[service.id];
  if (use?.ownPurposes)
    return {
      qualifies: false,
      why: `its provider${service.provider ? ` (${service.provider})` : ""} also uses the data for its own purposes`,
    };
  if (use?.advertisingFeatures && service.advertisingFeatures !== false)
    return {
      qualifies: false,
      why: "with Google Signals or advertising features Google uses the data for its own purposes; switch them off and declare advertisingFeatures: false",
    };
  return { qualifies: true };
}
