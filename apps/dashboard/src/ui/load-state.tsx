import type { Loaded } from "./use-load";

/** "Loading…" or the error with "Try again", for a view whose data has not arrived. */
export function LoadState({
  loaded,
  what,
}: {
  loaded: Omit<Loaded<unknown>, "set">;
  what: string;
}) {
  if (loaded.error) {
    return (
      <div class="load-error" role="alert">
        <p>{loaded.error}</p>
        <button class="button" type="button" onClick={loaded.reload}>
          Try again
        </button>
      </div>
    );
  }
  if (loaded.loading && loaded.data === undefined) return <p role="status">Loading {what}…</p>;
  return null;
}
