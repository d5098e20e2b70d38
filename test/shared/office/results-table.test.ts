import { describe, expect, it } from 'vitest';
import type { Stage } from '../../../src-shared/assignments/assignment-schema';
import { formatCsv, parseCsv } from '../../../src-shared/office/csv';
import { cycleResults } from '../../../src-shared/office/cycle-results';
import type { ResultsSettings } from '../../../src-shared/office/office-schemas';
import {
  pointsText,
  resultsTableRows,
  safeText,
  type ResultsTableLabels,
} from '../../../src-shared/office/results-table';
import { aggregated, criteria, FIVE, flatSheet, panel } from './office-fixtures';

const labels: ResultsTableLabels = {
  rank: '排名',
  tied: '并列',
  tieColumn: '并列情况',
  applicant: '申报组织',
  combined: '综合得分',
  stageTotal: (stage: Stage) => `${stage} 得分`,
  stageRank: (stage: Stage) => `${stage} 排名`,
  recommendation: '推荐',
  qualityAward: '质量奖',
  nomination: '提名奖',
  notRanked: '未排名',
  note: '说明',
  missingStages: (stages) => `缺少 ${stages.join('、')}`,
};

const settings: ResultsSettings = {
  spreadThreshold: 30,
  stages: [
    { stage: 'material', combination: 'mean', weight: 50, advance: null },
    { stage: 'site', combination: 'mean', weight: 50, advance: null },
  ],
};

function flat(applicantId: string, stage: Stage, percent: number) {
  return aggregated(
    panel(FIVE, applicantId, stage),
    FIVE.map((e) => flatSheet(e, percent, applicantId, stage)),
  );
}

describe('pointsText and safeText', () => {
  it('prints hundredths with two decimals', () => {
    expect([51250, 70000, 5, 0, 100005, -250].map(pointsText)).toEqual([
      '512.50',
      '700.00',
      '0.05',
      '0.00',
      '1000.05',
      '-2.50',
    ]);
  });

  it('defuses text a spreadsheet would run as a formula, and leaves other text alone', () => {
    expect(['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '昆仑公司', 'a=b'].map(safeText)).toEqual([
      `'=HYPERLINK("x")`,
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '昆仑公司',
      'a=b',
    ]);
  });
});

describe('resultsTableRows', () => {
  // Material: A 700, B 700 (tied), C 500; site: A 800, B 600, C none. Combined (50/50): A 750, B 650; C unranked.
  const result = cycleResults(
    criteria,
    [
      flat('A', 'material', 70),
      flat('B', 'material', 70),
      flat('C', 'material', 50),
      flat('A', 'site', 80),
      flat('B', 'site', 60),
    ],
    [],
    settings,
  );
  if (!result.ok) throw new Error(result.error.message);
  const names = new Map([
    ['A', '甲公司'],
    ['B', '=乙公司'],
  ]);

  it('lists the combined ranking, then the unranked, with each stage’s total and rank and the proposed award', () => {
    const rows = resultsTableRows(result.value, names, { qualityAward: ['A'], nomination: ['B'] }, labels);
    expect(rows).toEqual([
      [
        '排名',
        '并列情况',
        '申报组织',
        '综合得分',
        'material 得分',
        'material 排名',
        'site 得分',
        'site 排名',
        '推荐',
        '说明',
      ],
      ['1', '', '甲公司', '750.00', '700.00', '1 并列', '800.00', '1', '质量奖', ''],
      ['2', '', "'=乙公司", '650.00', '700.00', '1 并列', '600.00', '2', '提名奖', ''],
      ['未排名', '', 'C', '', '500.00', '3', '', '', '', '缺少 site'],
    ]);
  });

  it('flags a tie in the combined ranking, and leaves the award column empty without a recommendation', () => {
    const tiedResult = cycleResults(criteria, [flat('A', 'material', 70), flat('B', 'material', 70)], [], {
      ...settings,
      stages: [{ stage: 'material', combination: 'mean', weight: 1, advance: null }],
    });
    if (!tiedResult.ok) throw new Error(tiedResult.error.message);
    const rows = resultsTableRows(tiedResult.value, new Map(), null, labels);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['1', '并列', 'A', ''],
      ['1', '并列', 'B', ''],
    ]);
  });

  it('survives a CSV round trip cell for cell', () => {
    const rows = resultsTableRows(result.value, names, null, labels);
    const parsed = parseCsv(formatCsv(rows));
    expect(parsed.errors).toEqual([]);
    expect(parsed.records.map((r) => r.fields)).toEqual(rows);
  });
});
