import type { Witness } from "@assent/core";
import { useState } from "preact/hooks";
import {
  addWitness,
  addWitnessedLog,
  listWitnessedLogs,
  listWitnesses,
  removeWitness,
  removeWitnessedLog,
} from "../api";
import { LoadState, useAdmin, useLoad } from "../ui";

const field = (form: HTMLFormElement, name: string) =>
  String(new FormData(form).get(name) ?? "").trim();

function standing(w: Witness): string {
  if (w.lastError) {
    const status = w.lastError.status === 0 ? "not reached" : `HTTP ${w.lastError.status}`;
    return `Refused (${status}, ${w.lastError.code}): ${w.lastError.message}`;
  }
  if (w.lastSuccessAt) {
    return `Cosigned size ${w.size}, ${new Date(w.lastSuccessAt).toLocaleString()}`;
  }
  return "Nothing cosigned yet";
}

/**
 * The site log's witnesses (C2SP tlog-witness) and, for owners, the logs this server witnesses
 * in return: lists with each one's standing, and forms to add and remove them.
 */
export function WitnessesPanel() {
  const { site, can, failure } = useAdmin();
  const witnesses = useLoad(() => listWitnesses(site.key), site.key);
  const owner = can("owner");
  const witnessed = useLoad(
    () => (owner ? listWitnessedLogs(site.key) : Promise.resolve(null)),
    `${site.key}:${owner}`,
  );
  const [error, setError] = useState("");
  const run = async (
    action: () => Promise<unknown>,
    reload: () => void,
    form?: HTMLFormElement,
  ) => {
    setError("");
    try {
      await action();
      form?.reset();
      reload();
    } catch (caught) {
      setError(failure(caught));
    }
  };

  return (
    <section class="card-form witnesses" aria-labelledby="witnesses-heading">
      <h2 id="witnesses-heading">Witnesses</h2>
      <p class="help">
        Witnesses are other servers that cosign each new checkpoint of this site's log only when it
        extends the one they cosigned before, so no one can be shown another history.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {witnesses.data ? (
        witnesses.data.length ? (
          <ul class="witness-list">
            {witnesses.data.map((w) => (
              <li key={w.id} data-witness={w.name}>
                <strong>{w.name}</strong> <code>{w.url}</code>
                <br />
                <span class={w.lastError ? "verify-failed" : ""}>{standing(w)}</span>{" "}
                {owner && (
                  <button
                    class="button"
                    type="button"
                    onClick={() => run(() => removeWitness(site.key, w.id), witnesses.reload)}
                  >
                    Remove {w.name}
                  </button>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <p>No witness yet.</p>
        )
      ) : (
        <LoadState loaded={witnesses} what="witnesses" />
      )}
      {owner && (
        <form
          aria-label="Add a witness"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            const body = {
              name: field(form, "name"),
              url: field(form, "url"),
              vkey: field(form, "vkey"),
            };
            void run(() => addWitness(site.key, body), witnesses.reload, form);
          }}
        >
          <div class="field">
            <label for="witness-name">Witness name</label>
            <input id="witness-name" name="name" required />
          </div>
          <div class="field">
            <label for="witness-url">Submission URL</label>
            <input
              id="witness-url"
              name="url"
              type="url"
              required
              placeholder="https://…/v1/witness"
            />
          </div>
          <div class="field">
            <label for="witness-vkey">Witness key</label>
            <input id="witness-vkey" name="vkey" required />
          </div>
          <button class="button" type="submit">
            Add witness
          </button>
        </form>
      )}
      {owner && witnessed.data && (
        <>
          <h3>Logs this server witnesses</h3>
          <p>
            This server's witness key:{" "}
            <code data-testid="witness-vkey">{witnessed.data.witnessVkey}</code>
          </p>
          <ul class="witness-list">
            {witnessed.data.logs.map((log) => (
              <li key={log.id} data-origin={log.origin}>
                <code>{log.origin}</code> — cosigned size {log.size}{" "}
                <button
                  class="button"
                  type="button"
                  onClick={() => run(() => removeWitnessedLog(site.key, log.id), witnessed.reload)}
                >
                  Stop witnessing {log.origin}
                </button>
              </li>
            ))}
          </ul>
          <form
            aria-label="Witness a log"
            onSubmit={(event) => {
              event.preventDefault();
              const form = event.currentTarget;
              const body = { origin: field(form, "origin"), vkey: field(form, "vkey") };
              void run(() => addWitnessedLog(site.key, body), witnessed.reload, form);
            }}
          >
            <div class="field">
              <label for="log-origin">Log origin</label>
              <input id="log-origin" name="origin" required />
            </div>
            <div class="field">
              <label for="log-vkey">Log key</label>
              <input id="log-vkey" name="vkey" required />
            </div>
            <button class="button" type="submit">
              Witness this log
            </button>
          </form>
        </>
      )}
    </section>
  );
}
