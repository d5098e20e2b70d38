import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import type { Result } from '../../src-shared/contract/result';
import type { AsyncState } from './use-async';

/**
 * A read that several parts of a page need, named by a key. The key must say everything the read depends on
 * (assignment, applicant, options), so two loads with one key give the same answer; `T` rides along so the
 * answer comes back typed.
 */
export interface SharedLoad<T> {
  readonly key: string;
  readonly load: () => Promise<Result<T>>;
}

/**
 * One answer per key for everything that holds it: the gates and the page under them ask once, and a
 * prefetch started beside the identity check hands its answer to the page that mounts after the gates.
 * An answer lives while anything holds its key; when the last holder lets go it is forgotten, so opening
 * a page again (a new route) reads afresh, as every page did before answers were shared.
 */
export interface SharedLoads {
  /** The current state for the load's key: a stable object until it changes, loading when nothing is held. */
  read<T>(load: SharedLoad<T>): AsyncState<T>;
  /** Holds the key (starting its load unless one is held already); `onChange` hears every new state. */
  hold<T>(load: SharedLoad<T>, onChange?: () => void): () => void;
  /** Reads the key again (after signing changed the answer): every holder sees loading, then the new answer. */
  reload(key: string): void;
}

interface Entry {
  state: AsyncState<unknown>;
  holders: number;
  /** Which run's answer counts; an answer of an earlier run (before a reload) is dropped. */
  run: number;
  readonly load: () => Promise<Result<unknown>>;
  readonly listeners: Set<() => void>;
}

/** Shared, so a snapshot before and after a load starts is the same object and React does not render twice. */
const loading: AsyncState<never> = { status: 'loading' };

function settled<T>(result: Result<T>): AsyncState<T> {
  return result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error };
}

/** The store behind `SharedLoadsContext`; one per app (main.tsx renders one App), never module state. */
export function createSharedLoads(): SharedLoads {
  const entries = new Map<string, Entry>();

  const start = (key: string, entry: Entry): void => {
    entry.run += 1;
    const run = entry.run;
    const answer = (state: AsyncState<unknown>): void => {
      // Let go of meanwhile, or read again since: this answer is nobody's any more.
      if (entries.get(key) !== entry || entry.run !== run) return;
      entry.state = state;
      for (const listener of [...entry.listeners]) listener();
    };
    entry.load().then(
      (result) => answer(settled(result)),
      (error: unknown) => {
        const detail = error instanceof Error ? error.message : String(error);
        answer({ status: 'error', error: { code: 'E_INTERNAL', message: detail, params: { detail } } });
      },
    );
  };

  return {
    read<T>(load: SharedLoad<T>): AsyncState<T> {
      // Only `load.key` ever filled this entry, and a key names one read of one type (see SharedLoad).
      return (entries.get(load.key)?.state ?? loading) as AsyncState<T>;
    },
    hold(load, onChange) {
      let entry = entries.get(load.key);
      if (entry === undefined) {
        entry = { state: loading, holders: 0, run: 0, load: load.load, listeners: new Set() };
        entries.set(load.key, entry);
        start(load.key, entry);
      }
      const held = entry;
      held.holders += 1;
      if (onChange !== undefined) held.listeners.add(onChange);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        held.holders -= 1;
        if (onChange !== undefined) held.listeners.delete(onChange);
        if (held.holders === 0 && entries.get(load.key) === held) entries.delete(load.key);
      };
    },
    reload(key) {
      const entry = entries.get(key);
      if (entry === undefined) return;
      entry.state = loading;
      for (const listener of [...entry.listeners]) listener();
      start(key, entry);
    },
  };
}

export const SharedLoadsContext = createContext<SharedLoads | undefined>(undefined);

export function useSharedLoads(): SharedLoads {
  const loads = useContext(SharedLoadsContext);
  if (loads === undefined) throw new Error('useSharedLoads outside SharedLoadsContext');
  return loads;
}

/**
 * The shared answer for `load` while the component is mounted; `reload` reads it again for every holder.
 * Pass a memoised load: a new object with the same key is harmless, but resubscribes on every render.
 */
export function useSharedLoad<T>(load: SharedLoad<T>): { state: AsyncState<T>; reload: () => void } {
  const loads = useSharedLoads();
  const subscribe = useCallback((onChange: () => void) => loads.hold(load, onChange), [loads, load]);
  const snapshot = useCallback(() => loads.read(load), [loads, load]);
  const state = useSyncExternalStore(subscribe, snapshot);
  const reload = useCallback(() => loads.reload(load.key), [loads, load]);
  return { state, reload };
}
