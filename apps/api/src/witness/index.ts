// Witnesses (C2SP tlog-witness), both ways: this server cosigns other logs' checkpoints when
// they extend what it cosigned before, and submits its sites' checkpoints to their witnesses,
// serving the cosignatures with the checkpoint.
import { Hono } from "hono";
import type { AppDeps } from "../deps";
import { routeSpecsIn } from "../openapi";
import { witnessRoutes } from "./witness.routes";
import * as specModule from "./witness.spec";
import * as peersModule from "./witness-peers.routes";
import { witnessPeerRoutes } from "./witness-peers.routes";
import * as witnessedModule from "./witnessed-logs.routes";
import { witnessedLogRoutes } from "./witnessed-logs.routes";

export { addCheckpoint, parseSubmission } from "./add-checkpoint";
export {
  type CosignedCheckpoint,
  checkpointForProof,
  cosignedCheckpoint,
  publishedCheckpoint,
  WITNESSED_FRESHNESS_MS,
} from "./cosigned-checkpoint";
export { MAX_SUBMISSION_BYTES } from "./witness.routes";
export {
  MAX_WITNESS_ANSWER_BYTES,
  WitnessAnswerTooLarge,
  type WitnessFailure,
} from "./witness-answer";
export { protectWitnessKey, type WitnessKey, witnessKeyFor, witnessName } from "./witness-key";
export {
  SUBMIT_EVERY_MS,
  type SubmissionLoop,
  scheduleWitnessSubmission,
} from "./witness-schedule";
export {
  type SubmissionReport,
  type SubmitOptions,
  submissionBody,
  submitToWitnesses,
} from "./witness-submit";
export {
  parseWitnessPrivateNetworks,
  WitnessAddressNotAllowed,
  type WitnessNetworkPolicy,
  witnessUrl,
} from "./witness-url";

/** The witness's public routes and the owners' admin routes of both lists. */
export function witnessAppRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.route("/", witnessRoutes(deps));
  app.route("/", witnessedLogRoutes(deps));
  app.route("/", witnessPeerRoutes(deps));
  return app;
}

/** Every witness route's spec, for the OpenAPI document. */
export const witnessRouteSpecs = routeSpecsIn(specModule, witnessedModule, peersModule);
