import { useEffect, useState, type DependencyList } from 'react';
import type { AppError } from '../../src-shared/contract/result';

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: AppError };

/** Runs a loader that returns a Result-like value; ignores answers that arrive after unmount or a newer call. */
export function useAsync<T>(
  load: () => Promise<{ ok: true; value: T } | { ok: false; error: AppError }>,
  deps: DependencyList,
): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (result) => {
        if (live)
          setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
      },
      (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        if (live) setState({ status: 'error', error: { code: 'E_INTERNAL', message: detail, params: { detail } } });
      },
    );
    return () => {
      live = false;
    };
    // The caller's deps decide when to reload, exactly like useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
