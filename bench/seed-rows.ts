import { readFileSync } from 'node:fs';
import {
  applicantSchema,
  assignmentBundleSchema,
  type Applicant,
  type AssignmentBundle,
  type Stage,
} from '../src-shared/assignments/assignment-schema';
import { allItems, parseCriteriaJson } from '../src-shared/criteria/load-criteria';
import type { Criteria } from '../src-shared/criteria/criteria-schema';
import { demoRandom } from '../src-shared/office/demo-office';
import { USCC_CHARSET, usccCheckChar } from '../src-shared/office/uscc';
import { formatPoints } from '../src-shared/scoring/percent';
import { computeTotals } from '../src-shared/scoring/totals';
import { itemRowSchema, sheetRowSchema, type ItemRow, type SheetRow } from '../src-renderer/data/row-schemas';
import { sheetIdOf } from '../src-renderer/data/sheet-repository';

/** The (non-demo) cycle and assignment the benchmark's office-signed package carries. */
export const benchCycleId = 'bench-2026';
export const benchAssignmentId = 'bench-2026-material-1';

/**
 * What the benchmark scores, built and schema-checked in Node before it reaches the page. The applicants
 * travel in the office-signed assignment (the import stores them); sheets and items are seeded raw.
 */
export interface SeedData {
  readonly cycleId: string;
  readonly assignmentId: string;
  readonly stage: Stage;
  /** All applicant ids in list order. */
  readonly applicantIds: readonly string[];
  /** The applicants as the assignment package lists them. */
  readonly applicants: readonly Applicant[];
  readonly sheets: readonly SheetRow[];
  readonly items: readonly ItemRow[];
  /** The total the app must show for each applicant, as "X / 1000". */
  readonly totalText: ReadonlyMap<string, string>;
}

export function loadDemoBundle(): AssignmentBundle {
  return assignmentBundleSchema.parse(JSON.parse(readFileSync('resources/demo/demo-cycle.json', 'utf8')));
}

export function loadCriteria(id: string): Criteria {
  const file = `resources/criteria/${id}.json`;
  const parsed = parseCriteriaJson(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`criteria ${file}: ${parsed.error.message}`);
  return parsed.value;
}

/** A code that passes GB 32100-2015's check (the app only needs 18 characters, but a real-looking list is fairer). */
function fakeUscc(index: number): string {
  const serial = index.toString().padStart(8, '0');
  const first17 = `91650106${serial}${USCC_CHARSET.charAt(index % 10)}`;
  return `${first17}${usccCheckChar(first17) ?? '0'}`;
}

/**
 * `count` applicants (copies of the demo ones with new ids, names and codes) for the bench assignment,
 * each with a sheet and every item scored (a random valid percent and one strength). Every row is parsed
 * with the app's own schemas here, so a format drift fails the benchmark loudly instead of being
 * quarantined silently by the app.
 */
export function buildSeed(count: number, at: string, seed = 19580): SeedData {
  const bundle = loadDemoBundle();
  const criteria = loadCriteria(bundle.cycle.criteriaId);
  // mulberry32, the generator the office demo scores with: every run scores the same percents.
  const random = demoRandom(seed);
  const steps = 100 / criteria.percentStep + 1;
  const applicants: Applicant[] = [];
  for (let index = 0; index < count; index += 1) {
    const template = bundle.applicants[index % bundle.applicants.length];
    if (template === undefined) throw new Error('the demo bundle has no applicant');
    const number = (index + 1).toString().padStart(3, '0');
    applicants.push(
      applicantSchema.parse({
        ...template,
        id: `bench-applicant-${number}`,
        name: `基准测试申报组织 ${number} 有限公司`,
        uscc: fakeUscc(index),
      }),
    );
  }
  const applicantIds = applicants.map((a) => a.id);
  const assignment = { id: benchAssignmentId, cycleId: benchCycleId, stage: bundle.assignment.stage };
  const sheets: SheetRow[] = [];
  const items: ItemRow[] = [];
  const totalText = new Map<string, string>();
  for (const applicantId of applicantIds) {
    const sheetId = sheetIdOf(assignment.id, applicantId);
    sheets.push(
      sheetRowSchema.parse({
        v: 1,
        id: sheetId,
        cycleId: assignment.cycleId,
        assignmentId: assignment.id,
        applicantId,
        stage: assignment.stage,
        criteriaId: criteria.id,
        status: 'draft',
        createdAt: at,
        updatedAt: at,
      }),
    );
    const percents = new Map<string, number>();
    for (const [position, item] of allItems(criteria).entries()) {
      const percent = Math.min(steps - 1, Math.floor(random() * steps)) * criteria.percentStep;
      percents.set(item.id, percent);
      items.push(
        itemRowSchema.parse({
          v: 1,
          sheetId,
          itemId: item.id,
          percent,
          strengths: [
            {
              id: `bench-${applicantId}-${item.id}-s1`,
              text: `优势：${item.id} 方法明确，展开较好`,
              page: position + 1,
              ref: '',
            },
          ],
          ofis: [],
          note: '',
          updatedAt: at,
        }),
      );
    }
    const totals = computeTotals(criteria, percents);
    totalText.set(applicantId, `${formatPoints(totals.hundredths)} / ${formatPoints(totals.maxHundredths)}`);
  }
  return {
    cycleId: assignment.cycleId,
    assignmentId: assignment.id,
    stage: assignment.stage,
    applicantIds,
    applicants,
    sheets,
    items,
    totalText,
  };
}
