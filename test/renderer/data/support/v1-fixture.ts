import Dexie from 'dexie';
import type {
  ApplicantRow,
  AssignmentRow,
  AuditRow,
  CycleRow,
  ExpertRow,
  ItemRow,
  SheetRow,
} from '../../../../src-renderer/data/row-schemas';
import { declareV1, schemaV1 } from '../../../../src-renderer/data/schema/v1';
import { fakeIdb, loadDemoBundle } from './test-database';

/**
 * A database exactly as schema version 1 wrote it: the demo assignment, one sheet with a few scored items and
 * their audit entries. It is written through a plain Dexie declared with `declareV1` only — not through
 * `openDatabase` or the repositories — so it stays a version-1 database after later versions are added, and
 * the upgrade test of version 2 can open it with the current code and check every row.
 *
 * The rows are version-1 rows and must not change: when row-schemas.ts moves on, give these literals
 * frozen local types instead of following the new ones.
 */
export interface V1Seed {
  readonly cycles: CycleRow[];
  readonly experts: ExpertRow[];
  readonly applicants: ApplicantRow[];
  readonly assignments: AssignmentRow[];
  readonly sheets: SheetRow[];
  readonly items: ItemRow[];
  /** With their `seq` as version 1 assigned it (1, 2, …). */
  readonly audit: AuditRow[];
}

export type V1TableName = keyof typeof schemaV1;

const importedAt = '2026-03-01T08:00:00.000Z';
const t1 = '2026-03-01T09:00:00.000Z';
const t2 = '2026-03-01T09:05:00.000Z';

/** The rows of the fixture, built from the shipped demo bundle, each table in primary-key order. */
export function v1SeedRows(): V1Seed {
  const bundle = loadDemoBundle();
  const applicantId = bundle.assignment.applicantIds[0] ?? 'demo-applicant-kunlan';
  const sheetId = `${bundle.assignment.id}/${applicantId}`;
  const strength = { id: 'c1', text: '战略目标分解到部门和岗位。', page: 12, ref: '第 4.2 章' };
  return {
    cycles: [{ ...bundle.cycle, v: 1 }],
    experts: [{ ...bundle.expert, v: 1 }],
    // Sorted by id: one cycle, so this is the primary-key order IndexedDB reads them back in.
    applicants: bundle.applicants
      .map((a) => ({ ...a, v: 1 as const, cycleId: bundle.cycle.id }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    assignments: [{ ...bundle.assignment, v: 1, source: 'demo', importedAt }],
    sheets: [
      {
        v: 1,
        id: sheetId,
        cycleId: bundle.cycle.id,
        assignmentId: bundle.assignment.id,
        applicantId,
        stage: bundle.assignment.stage,
        criteriaId: bundle.cycle.criteriaId,
        status: 'draft',
        createdAt: t1,
        updatedAt: t2,
      },
    ],
    items: [
      { v: 1, sheetId, itemId: '4.1.1', percent: 55, strengths: [], ofis: [], note: '', updatedAt: t1 },
      { v: 1, sheetId, itemId: '4.2.1', percent: null, strengths: [strength], ofis: [], note: '待核实', updatedAt: t2 },
    ],
    audit: [
      { v: 1, seq: 1, sheetId, itemId: '4.1.1', field: 'percent', old: 'null', new: '55', at: t1, firstAt: t1 },
      {
        v: 1,
        seq: 2,
        sheetId,
        itemId: '4.2.1',
        field: 'strengths',
        old: '[]',
        new: JSON.stringify([strength]),
        at: t2,
        firstAt: t1,
      },
      { v: 1, seq: 3, sheetId, itemId: '4.2.1', field: 'note', old: '""', new: '"待核实"', at: t2, firstAt: t2 },
    ],
  };
}

/** Creates database `name` at version 1, writes the fixture, closes it and returns what it wrote. */
export async function seedV1Database(name: string, factory = fakeIdb): Promise<V1Seed> {
  const seed = v1SeedRows();
  const db = new Dexie(name, factory);
  declareV1(db);
  try {
    await db.transaction('rw', Object.keys(schemaV1), async () => {
      await db.table('cycles').bulkAdd(seed.cycles);
      await db.table('experts').bulkAdd(seed.experts);
      await db.table('applicants').bulkAdd(seed.applicants);
      await db.table('assignments').bulkAdd(seed.assignments);
      await db.table('sheets').bulkAdd(seed.sheets);
      await db.table('items').bulkAdd(seed.items);
      // Without seq, so the auto-increment assigns 1, 2, 3 as version 1 would.
      await db.table('audit').bulkAdd(seed.audit.map(({ seq: _seq, ...entry }) => entry));
    });
  } finally {
    db.close();
  }
  return seed;
}

/** Every row of every version-1 table, in primary-key order, for comparing with a seed. */
export async function readV1Tables(db: Dexie): Promise<Record<V1TableName, unknown[]>> {
  const names = Object.keys(schemaV1) as V1TableName[];
  const entries = await Promise.all(names.map(async (n) => [n, await db.table(n).toArray()] as const));
  return Object.fromEntries(entries) as Record<V1TableName, unknown[]>;
}
