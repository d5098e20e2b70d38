import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../src-shared/contract/result';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { useFlushOnHide } from '../../components/use-flush-on-hide';
import { useServices } from '../../components/services';
import type { StageWorkRow } from '../../data/stage-rows';
import { emptyStageWorkRow, loadStageWork, type StageWorkEdit } from '../../data/stage-work-repository';
import { browserSchedule, createStageWorkSaver, type SessionSaveState, type StageWorkSaver } from './stage-work-saver';

export type StageWorkState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: AppError }
  | {
      readonly status: 'ready';
      readonly row: StageWorkRow;
      /** Whether a row was stored when the page opened (false: the first edit creates it). */
      readonly stored: boolean;
      readonly save: SessionSaveState;
      readonly change: (compute: (row: StageWorkRow) => StageWorkEdit, options?: { typing?: boolean }) => void;
      readonly flush: () => void;
    };

/**
 * The sheet's stage work on screen and its save path: loaded once (a sheet with nothing stored starts from an empty
 * row, which the first edit creates), then every edit is written through the saver; what waits is written on blur,
 * when the page is hidden or left, and when this unmounts.
 */
export function useStageWork(target: { sheetId: string; stage: Stage } | undefined): StageWorkState {
  const { db, now } = useServices();
  const sheetId = target?.sheetId;
  const stage = target?.stage;
  const [loaded, setLoaded] = useState<
    | { status: 'loading' }
    | { status: 'error'; error: AppError }
    | { status: 'ready'; row: StageWorkRow; stored: boolean }
  >({ status: 'loading' });
  const [save, setSave] = useState<SessionSaveState>({ status: 'idle' });
  const saver = useRef<StageWorkSaver | undefined>(undefined);

  useEffect(() => {
    if (sheetId === undefined || stage === undefined) return;
    let live = true;
    setLoaded({ status: 'loading' });
    void loadStageWork(db, sheetId, now).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setLoaded({ status: 'error', error: result.error });
        return;
      }
      const initial = result.value ?? emptyStageWorkRow(sheetId, stage, now().toISOString());
      saver.current = createStageWorkSaver({
        db,
        now,
        target: { sheetId, stage },
        initial,
        schedule: browserSchedule,
        onState: (state) => {
          if (live) setSave(state);
        },
      });
      setLoaded({ status: 'ready', row: initial, stored: result.value !== undefined });
    });
    return () => {
      live = false;
      // Leaving the sheet writes what is still waiting (the write itself does not need this component).
      void saver.current?.flush();
      saver.current = undefined;
    };
  }, [db, now, sheetId, stage]);

  const change = useCallback((compute: (row: StageWorkRow) => StageWorkEdit, options?: { typing?: boolean }) => {
    const current = saver.current;
    if (current === undefined) return;
    const row = current.change(compute, options);
    setLoaded((before) => ({ status: 'ready', row, stored: before.status === 'ready' && before.stored }));
  }, []);
  const flush = useCallback(() => void saver.current?.flush(), []);

  useFlushOnHide(flush, { onUnmount: false });

  if (loaded.status !== 'ready') return loaded;
  return { status: 'ready', row: loaded.row, stored: loaded.stored, save, change, flush };
}
