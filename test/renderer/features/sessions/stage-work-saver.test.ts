import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type ScorebookDb } from '../../../../src-renderer/data/database';
import { emptyStageWorkRow, loadStageWork } from '../../../../src-renderer/data/stage-work-repository';
import {
  createStageWorkSaver,
  sessionTypingMs,
  type Schedule,
  type SessionSaveState,
} from '../../../../src-renderer/features/sessions/stage-work-saver';
import { newIssue } from '../../../../src-renderer/features/sessions/session-records';
import { fakeIdb, freshDatabaseName, testClock } from '../../data/support/test-database';

const target = { sheetId: 'as-site/app-1', stage: 'site' } as const;
const opened: ScorebookDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A schedule the test runs by hand: `fire()` runs what waits, as if the pause in typing had passed. */
function manualSchedule(): { schedule: Schedule; fire: () => void; delays: number[] } {
  let waiting: (() => void) | undefined;
  const delays: number[] = [];
  return {
    schedule: (run, ms) => {
      waiting = run;
      delays.push(ms);
      return () => {
        waiting = undefined;
      };
    },
    fire: () => {
      const run = waiting;
      waiting = undefined;
      run?.();
    },
    delays,
  };
}

function setup() {
  const name = freshDatabaseName('session-saver');
  const db = openDatabase(name, fakeIdb);
  opened.push(db);
  const clock = testClock('2026-05-12T09:00:00.000Z');
  const states: SessionSaveState[] = [];
  const timers = manualSchedule();
  const saver = createStageWorkSaver({
    db,
    now: clock.now,
    target,
    initial: emptyStageWorkRow(target.sheetId, target.stage, clock.iso()),
    schedule: timers.schedule,
    onState: (state) => states.push(state),
  });
  /** The row as a fresh database connection reads it: what survives the app closing. */
  const reopened = async () => {
    const again = openDatabase(name, fakeIdb);
    try {
      const loaded = await loadStageWork(again, target.sheetId, clock.now);
      if (!loaded.ok) throw new Error(loaded.error.message);
      return loaded.value;
    } finally {
      again.close();
    }
  };
  return { db, clock, states, timers, saver, reopened };
}

describe('the session save path', () => {
  it('writes a structural edit at once, in a row that survives reopening the database', async () => {
    const { saver, states, reopened } = setup();
    saver.change(() => ({ issues: [{ ...newIssue('i1'), text: 'Check the supplier audits' }] }));
    await saver.flush();
    expect(states.at(-1)).toEqual({ status: 'saved', at: '2026-05-12T09:00:00.000Z' });
    const row = await reopened();
    expect(row?.issues.map((i) => [i.id, i.text])).toEqual([['i1', 'Check the supplier audits']]);
    expect(row?.stage).toBe('site');
  });

  it('writes typing after the pause (not before), and a flush on blur writes it at once', async () => {
    const { saver, states, timers, reopened } = setup();
    saver.change(
      (row) => ({
        site: { interviews: [], documents: [], ...row.site, themes: [{ id: 't1', kind: 'strength', text: 'Lean' }] },
      }),
      { typing: true },
    );
    expect(states.at(-1)).toEqual({ status: 'saving' });
    expect(timers.delays).toEqual([sessionTypingMs]);
    expect(await reopened()).toBeUndefined();
    timers.fire();
    await saver.flush();
    expect((await reopened())?.site?.themes).toEqual([{ id: 't1', kind: 'strength', text: 'Lean' }]);

    saver.change(
      (row) => ({
        site:
          row.site === null ? null : { ...row.site, themes: [{ id: 't1', kind: 'strength', text: 'Lean production' }] },
      }),
      { typing: true },
    );
    await saver.flush();
    expect((await reopened())?.site?.themes[0]?.text).toBe('Lean production');
    expect(states.at(-1)?.status).toBe('saved');
  });

  it('keeps every edit on screen and, after a failed write, writes the failed fields with the next one', async () => {
    const { db, saver, states, reopened } = setup();
    db.close();
    saver.change(() => ({ timer: [{ type: 'start', segmentId: 'presentation', at: 1 }] }));
    await saver.flush();
    expect(states.at(-1)?.status).toBe('error');
    expect(saver.current().timer).toHaveLength(1);

    await db.open();
    saver.change((row) => ({ evidence: row.evidence }));
    await saver.flush();
    expect(states.at(-1)?.status).toBe('saved');
    const row = await reopened();
    expect(row?.timer).toEqual([{ type: 'start', segmentId: 'presentation', at: 1 }]);
  });

  it('says saved only once nothing is waiting', async () => {
    const { saver, states } = setup();
    saver.change(() => ({ reasons: { '4.1.1': 'x' } }), { typing: true });
    saver.change(() => ({ issues: [newIssue('i1')] }));
    // The structural write carries the typed field too, so nothing is left waiting after it.
    await saver.flush();
    expect(states.filter((s) => s.status === 'saved')).toHaveLength(1);
  });
});
