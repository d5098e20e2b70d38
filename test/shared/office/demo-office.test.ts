import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assignmentBundleSchema } from '../../../src-shared/assignments/assignment-schema';
import { itemIds } from '../../../src-shared/criteria/load-criteria';
import { applicantRecordSchema } from '../../../src-shared/office/applicant-schema';
import { toExpertProfile } from '../../../src-shared/office/applicant-profile';
import { conflictsBetween } from '../../../src-shared/office/conflicts';
import { defaultCycleSettings } from '../../../src-shared/office/cycle-settings';
import {
  DEMO_EXPERTS,
  DEMO_RECUSAL,
  DEMO_SEED,
  demoCycleName,
  demoDistrict,
  demoRandom,
  demoSheets,
  isDemoCycleName,
  toDemoApplicantRecord,
  type DemoSheet,
} from '../../../src-shared/office/demo-office';
import { checkEligibility } from '../../../src-shared/office/eligibility';
import { expertProfileSchema } from '../../../src-shared/packages/payload-schemas';
import { checkForSubmit } from '../../../src-shared/scoring/submit-validation';
import { shippedCriteria } from '../../support/shipped-criteria';

/** The office's demo data: registered applicants from the embedded bundle, and the five experts' sheets. */

const bundle = assignmentBundleSchema.parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../resources/demo/demo-cycle.json', import.meta.url)), 'utf8')),
);
const applicants = bundle.applicants;
const criteria = shippedCriteria();
const ids = itemIds(criteria);

function spreadsOf(sheets: readonly DemoSheet[], applicantId: string): number[] {
  const own = sheets.filter((sheet) => sheet.applicantId === applicantId);
  return ids.map((itemId) => {
    const percents = own.map((sheet) => sheet.items.find((item) => item.itemId === itemId)?.percent ?? -1);
    return Math.max(...percents) - Math.min(...percents);
  });
}

describe('the demo cycle’s name', () => {
  it('marks the cycle as demo and fictional in both languages', () => {
    const name = demoCycleName(2027);
    expect(name['zh-CN']).toBe('示例：2027年度乌鲁木齐市人民政府质量奖（虚构数据）');
    expect(name.en).toMatch(/^Demo: 2027 .*\(fictional\)$/);
    expect(isDemoCycleName(name)).toBe(true);
    expect(isDemoCycleName(defaultCycleSettings(2027).name)).toBe(false);
  });
});

describe('demoDistrict', () => {
  it.each([
    ['乌鲁木齐经济技术开发区（头屯河区）', 'urumqi-etdz'],
    ['米东区', 'midong'],
    ['高新技术产业开发区（新市区）', 'urumqi-hitech'],
    ['天山区', 'tianshan'],
  ] as const)('reads %s as %s', (text, id) => {
    expect(demoDistrict(text)).toBe(id);
  });

  it('gives null for a place outside the city or a part naming several units', () => {
    expect(demoDistrict('昌吉市')).toBeNull();
    expect(demoDistrict('开发区')).toBeNull();
    expect(demoDistrict('')).toBeNull();
  });
});

describe('toDemoApplicantRecord', () => {
  it('registers every bundle applicant with its own data and passes every eligibility rule at the deadline', () => {
    applicants.forEach((applicant, index) => {
      const record = toDemoApplicantRecord(applicant, index, 2026);
      if (!record.ok) throw new Error(`${applicant.id}: ${record.error.message}`);
      expect(applicantRecordSchema.safeParse(record.value).success).toBe(true);
      expect(record.value).toMatchObject({
        name: applicant.name,
        uscc: applicant.uscc,
        industry: applicant.industry,
        size: applicant.size,
        employees: applicant.employees,
        fourNew: applicant.fourNew,
        materials: [],
      });
      expect(record.value.foundedOn.slice(0, 4)).toBe(String(applicant.foundedYear));
      expect(record.value.contact.email).toMatch(/@example\.com$/);
      const report = checkEligibility({ applicant: record.value, deadline: '2026-06-30', register: [] });
      expect(report.ok && report.value.rules.filter((rule) => rule.status !== 'pass')).toEqual([]);
      // The office sends it on as the profile experts receive.
      expect(toExpertProfile(record.value, { id: applicant.id, summaries: applicant.summaries }).ok).toBe(true);
    });
  });

  it('keeps the certificates valid in a later year too', () => {
    const [first] = applicants;
    if (first === undefined) throw new Error('no demo applicant');
    const record = toDemoApplicantRecord(first, 0, 2031);
    const report = record.ok
      ? checkEligibility({ applicant: record.value, deadline: '2031-06-30', register: [] })
      : record;
    expect(report.ok && report.value.verdict).toBe('pass');
  });

  it('refuses an applicant the register cannot hold (a wrong credit code) with E_APPLICANT_FIELD', () => {
    const [first] = applicants;
    if (first === undefined) throw new Error('no demo applicant');
    const record = toDemoApplicantRecord({ ...first, uscc: '9165010671296457XB' }, 0, 2026);
    expect(record.ok ? 'ok' : [record.error.code, record.error.params?.field]).toEqual(['E_APPLICANT_FIELD', 'uscc']);
  });
});

describe('the demo experts', () => {
  it('are five valid profiles, marked as fictional, in no conflict with any demo applicant by work unit', () => {
    expect(DEMO_EXPERTS.map((expert) => expert.name)).toEqual([
      '示例专家一',
      '示例专家二',
      '示例专家三',
      '示例专家四',
      '示例专家五',
    ]);
    for (const [index, expert] of DEMO_EXPERTS.entries()) {
      expect(expertProfileSchema.safeParse(expert).success).toBe(true);
      expect(expert.workUnit).toContain('虚构');
      const who = { expertId: `e${index}`, name: expert.name, workUnit: expert.workUnit };
      for (const applicant of applicants) expect(conflictsBetween(who, applicant, 'cycle', [])).toEqual([]);
    }
  });
});

describe('demoRandom', () => {
  it('repeats for a seed, differs between seeds, and stays in [0, 1)', () => {
    const draw = (seed: number) => Array.from({ length: 50 }, demoRandom(seed));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(DEMO_SEED).every((value) => value >= 0 && value < 1)).toBe(true);
  });
});

describe('demoSheets', () => {
  const sheets = demoSheets(criteria, applicants, demoRandom(DEMO_SEED));

  it('is the same for the same seed and differs for another', () => {
    expect(demoSheets(criteria, applicants, demoRandom(DEMO_SEED))).toEqual(sheets);
    expect(demoSheets(criteria, applicants, demoRandom(DEMO_SEED + 1))).not.toEqual(sheets);
  });

  it('gives every expert a sheet on every applicant except the one recusal', () => {
    expect(sheets).toHaveLength(5 * applicants.length - 1);
    const recused = applicants[DEMO_RECUSAL.applicantIndex]?.id;
    expect(sheets.some((s) => s.expertIndex === DEMO_RECUSAL.expertIndex && s.applicantId === recused)).toBe(false);
  });

  it('scores every item on the criteria’s grid, and every sheet passes the default comment rules', () => {
    const rules = defaultCycleSettings(2026).commentRules;
    for (const sheet of sheets) {
      expect(sheet.items.map((item) => item.itemId)).toEqual(ids);
      for (const item of sheet.items) {
        expect(item.percent !== null && item.percent % criteria.percentStep === 0).toBe(true);
        expect(item.percent).toBeGreaterThanOrEqual(0);
        expect(item.percent).toBeLessThanOrEqual(100);
        expect(item.strengths.length + item.ofis.length).toBeGreaterThan(0);
      }
      const check = checkForSubmit(criteria, new Map(sheet.items.map((item) => [item.itemId, item])), rules);
      expect(check.errors).toEqual([]);
    }
  });

  it('puts exactly one item per applicant 30 or more points apart and keeps the others within 20, for any seed', () => {
    for (let seed = 1; seed <= 40; seed += 1) {
      const drawn = demoSheets(criteria, applicants, demoRandom(seed));
      for (const applicant of applicants) {
        const spreads = spreadsOf(drawn, applicant.id);
        expect(spreads.filter((spread) => spread >= 30)).toHaveLength(1);
        expect(spreads.filter((spread) => spread > 20 && spread < 30)).toEqual([]);
      }
    }
  });

  it('spreads the applicants’ totals so the ranking has something to rank', () => {
    const mean = (applicantId: string) => {
      const own = sheets.filter((sheet) => sheet.applicantId === applicantId);
      return own.reduce((sum, s) => sum + s.items.reduce((t, i) => t + (i.percent ?? 0), 0), 0) / own.length;
    };
    expect(new Set(applicants.map((a) => Math.round(mean(a.id)))).size).toBeGreaterThan(1);
  });
});
