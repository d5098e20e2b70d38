import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import type { ScorebookDb } from '../../data/database';
import type { SaveState } from '../../components/save-indicator';
import type { StageWorkRow } from '../../data/stage-rows';
import { saveStageWork, type StageWorkEdit } from '../../data/stage-work-repository';

/** Typing is written this long after the last keystroke (and at once on blur, leaving or hiding the page). */
export const sessionTypingMs = 400;

export type SessionSaveState = SaveState;

type Field = keyof StageWorkEdit;

function copyField<K extends Field>(edit: StageWorkEdit, row: StageWorkRow, field: K): void {
  edit[field] = row[field];
}

/** Runs `run` after `ms`; returns the cancel. Passed in so tests decide when time passes. */
export type Schedule = (run: () => void, ms: number) => () => void;

export interface StageWorkSaver {
  /** The row as on screen (every change applied, written or not). */
  readonly current: () => StageWorkRow;
  /**
   * Applies an edit computed from the row on screen and writes the fields it touched; `typing` edits wait for a
   * pause in typing. Returns the row on screen.
   */
  readonly change: (compute: (row: StageWorkRow) => StageWorkEdit, options?: { typing?: boolean }) => StageWorkRow;
  /** Writes whatever is waiting now; resolves once every write started so far has settled. */
  readonly flush: () => Promise<void>;
}

/**
 * The save path of the session page. The screen is the source of what the expert sees; every touched field is
 * written with saveStageWork (one committed transaction), "saved" is reported only once nothing is waiting or in
 * flight, and a failed write keeps its fields waiting, so the next write or a retry (flush) carries them again.
 */
export function createStageWorkSaver(deps: {
  readonly db: ScorebookDb;
  readonly now: () => Date;
  readonly target: { readonly sheetId: string; readonly stage: Stage };
  readonly initial: StageWorkRow;
  readonly schedule: Schedule;
  readonly onState: (state: SessionSaveState) => void;
}): StageWorkSaver {
  let row = deps.initial;
  const dirty = new Set<Field>();
  let cancelTimer: (() => void) | undefined;
  let inFlight = 0;

  const write = async (): Promise<void> => {
    cancelTimer?.();
    cancelTimer = undefined;
    if (dirty.size === 0) return;
    const fields = [...dirty];
    dirty.clear();
    const edit: StageWorkEdit = {};
    for (const field of fields) copyField(edit, row, field);
    inFlight += 1;
    deps.onState({ status: 'saving' });
    const result = await saveStageWork(deps.db, deps.target, edit, deps.now);
    inFlight -= 1;
    if (!result.ok) {
      for (const field of fields) dirty.add(field);
      deps.onState({ status: 'error', error: result.error });
      return;
    }
    if (inFlight === 0 && dirty.size === 0) deps.onState({ status: 'saved', at: result.value.updatedAt });
  };

  // Every write started and not yet settled, so a flush resolves only once all of them have.
  const writes = new Set<Promise<void>>();
  const start = (): Promise<void> => {
    const started = write();
    writes.add(started);
    void started.finally(() => writes.delete(started));
    return started;
  };

  return {
    current: () => row,
    change: (compute, options) => {
      const edit = compute(row);
      row = { ...row, ...edit };
      for (const field of Object.keys(edit) as Field[]) dirty.add(field);
      if (options?.typing === true) {
        cancelTimer?.();
        deps.onState({ status: 'saving' });
        cancelTimer = deps.schedule(() => void start(), sessionTypingMs);
      } else {
        void start();
      }
      return row;
    },
    flush: async () => {
      await start();
      await Promise.all([...writes]);
    },
  };
}

/** The browser's timers as a Schedule. */
export const browserSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};
