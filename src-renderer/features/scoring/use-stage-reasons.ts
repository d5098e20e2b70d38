import { useCallback, useEffect, useRef, useState } from 'react';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { useServices } from '../../components/services';
import type { StageWorkRow } from '../../data/stage-rows';
import { loadStageWork, saveStageWork } from '../../data/stage-work-repository';
import { typingDebounceMs, type SaveState } from './use-sheet';

export interface StageReasons {
  /** The sheet's stage work: what was carried and the reasons; undefined for a sheet from before stages. */
  readonly row: StageWorkRow | undefined;
  readonly loaded: boolean;
  readonly save: SaveState;
  /** Sets why an item's carried percent changed; typing is written after a pause, like the sheet's text. */
  readonly setReason: (itemId: string, reason: string) => void;
  readonly flush: () => void;
  readonly retry: () => void;
}

/**
 * The stage work of a sheet as the scorebook uses it: the carried percents and the reasons for changing them.
 * Reasons are written as one map per write (`saveStageWork` replaces only the `reasons` field), so the session
 * page's fields of the same row are never touched from here.
 */
export function useStageReasons(sheetId: string | undefined, stage: Stage | undefined): StageReasons {
  const { db, now } = useServices();
  const [row, setRow] = useState<StageWorkRow | undefined>(undefined);
  const [loaded, setLoaded] = useState(false);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const reasons = useRef<Record<string, string>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const waiting = useRef(false);

  useEffect(() => {
    if (sheetId === undefined) return;
    let live = true;
    setLoaded(false);
    void loadStageWork(db, sheetId, now).then((result) => {
      if (!live) return;
      const value = result.ok ? result.value : undefined;
      reasons.current = { ...(value?.reasons ?? {}) };
      setRow(value);
      setLoaded(true);
      if (!result.ok) setSave({ status: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [db, now, sheetId]);

  const write = useCallback(async (): Promise<void> => {
    if (sheetId === undefined || stage === undefined) return;
    waiting.current = false;
    setSave({ status: 'saving' });
    const result = await saveStageWork(db, { sheetId, stage }, { reasons: { ...reasons.current } }, now);
    if (!result.ok) {
      waiting.current = true;
      setSave({ status: 'error', error: result.error });
    } else if (!waiting.current) setSave({ status: 'saved', at: result.value.updatedAt });
  }, [db, now, sheetId, stage]);

  const flush = useCallback(() => {
    if (timer.current === undefined) return;
    clearTimeout(timer.current);
    timer.current = undefined;
    void write();
  }, [write]);

  const setReason = useCallback(
    (itemId: string, reason: string) => {
      reasons.current = { ...reasons.current, [itemId]: reason };
      setRow((current) => (current === undefined ? current : { ...current, reasons: { ...reasons.current } }));
      waiting.current = true;
      setSave({ status: 'saving' });
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = undefined;
        void write();
      }, typingDebounceMs);
    },
    [write],
  );

  const retry = useCallback(() => void write(), [write]);

  // Leaving the page, hiding it or closing the window writes what is still waiting.
  useEffect(() => {
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [flush]);

  return { row, loaded, save, setReason, flush, retry };
}

/** One indicator for two writers: an error wins, then a pending write; saved shows the later time. */
export function combineSaves(a: SaveState, b: SaveState): SaveState {
  if (a.status === 'error') return a;
  if (b.status === 'error') return b;
  if (a.status === 'saving' || b.status === 'saving') return { status: 'saving' };
  if (a.status === 'saved' && b.status === 'saved') return a.at >= b.at ? a : b;
  if (a.status === 'saved') return a;
  return b;
}
