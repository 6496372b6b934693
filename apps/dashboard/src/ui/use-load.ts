import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { useAdmin } from "./admin-context";

export interface Loaded<T> {
  data?: T | undefined;
  loading: boolean;
  error: string;
  reload: () => void;
  /** Replaces the data with what a write answered. */
  set: (data: T) => void;
}

/**
 * Loads something from the API when `key` changes; errors become a message, a 401 ends the
 * session. Answers to a superseded request are dropped.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const { failure } = useAdmin();
  const [state, setState] = useState<{ data?: T; loading: boolean; error: string }>({
    loading: true,
    error: "",
  });
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  const failed = useRef(failure);
  failed.current = failure;

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: "" }));
    latest.current().then(
      (data) => mine === generation.current && setState({ data, loading: false, error: "" }),
      (error: unknown) =>
        mine === generation.current &&
        setState((s) => ({ ...s, loading: false, error: failed.current(error) })),
    );
  }, []);

  useEffect(() => {
    reload();
    return () => {
      generation.current++;
    };
  }, [key, reload]);

  return {
    ...state,
    reload,
    set: (data: T) => setState({ data, loading: false, error: "" }),
  };
}
