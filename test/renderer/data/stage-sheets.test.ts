import { describe, expect, it } from 'vitest';
import { ensureSheet, saveItemChange, sheetIdOf } from '../../../src-renderer/data/sheet-repository';
import { loadStageSheets } from '../../../src-renderer/data/stage-sheets';
import { deletedAfterEach } from './support/opened-databases';
import { applicantId, assignmentIdOf, stagePayload, stageSheet, storeStage } from './support/stage-world';
import { testClock } from './support/test-database';

const databases = deletedAfterEach();

describe('loadStageSheets', () => {
  it('finds the expert’s sheet of each stage that has one, in the cycle’s order, with its percents', async () => {
    const db = databases.open('stage-sheets');
    const clock = testClock();
    for (const stage of ['site', 'material', 'defense'] as const) await storeStage(db, stagePayload(stage), clock);
    // Another expert scored the site visit of the same applicant: not this expert's sheet.
    const other = assignmentIdOf('site', 'expert2');
    await storeStage(db, stagePayload('site', { expertId: 'demo-expert-2', assignmentId: other }), clock);
    await ensureSheet(db, stageSheet('site', applicantId, other), clock.now);
    await saveItemChange(
      db,
      { sheetId: sheetIdOf(other, applicantId), itemId: '4.1.1' },
      { field: 'percent', value: 95 },
      clock.now,
    );
    await ensureSheet(db, stageSheet('material'), clock.now);
    await saveItemChange(
      db,
      { sheetId: stageSheet('material').id, itemId: '4.1.1' },
      { field: 'percent', value: 60 },
      clock.now,
    );
    await ensureSheet(db, stageSheet('defense'), clock.now);
    await saveItemChange(
      db,
      { sheetId: stageSheet('defense').id, itemId: '4.1.1' },
      { field: 'percent', value: 65 },
      clock.now,
    );

    const place = { cycleId: 'demo-2026', applicantId, assignmentId: assignmentIdOf('defense') };
    const sheets = await loadStageSheets(db, place, ['material', 'defense', 'site']);
    expect(sheets.map((s) => [s.stage, s.sheet.id, s.percents.get('4.1.1')])).toEqual([
      ['material', stageSheet('material').id, 60],
      ['defense', stageSheet('defense').id, 65],
    ]);
  });
});
