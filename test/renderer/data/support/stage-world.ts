import type { Stage } from '../../../../src-shared/assignments/assignment-schema';
import type { PanelIssue } from '../../../../src-shared/stages/stage-setup';
import { assignmentPayloadSchema, type AssignmentPayload } from '../../../../src-shared/packages/payload-schemas';
import type { ScorebookDb } from '../../../../src-renderer/data/database';
import { storeVerifiedAssignment } from '../../../../src-renderer/data/assignment-repository';
import type { NewSheet } from '../../../../src-renderer/data/sheet-repository';
import { sheetIdOf } from '../../../../src-renderer/data/sheet-repository';
import { loadDemoBundle, type TestClock } from './test-database';

/**
 * The demo cycle (material → defense → site) with one assignment per stage for the demo expert, each stored as a
 * verified, office-signed assignment would be: the world the stage seeding reads.
 */
export const applicantId = 'demo-applicant-kunlan';
export const otherApplicantId = 'demo-applicant-xuelu';
export const stageOrder: readonly Stage[] = ['material', 'defense', 'site'];

export function assignmentIdOf(stage: Stage, expert = 'expert1'): string {
  return `demo-2026-${stage}-${expert}`;
}

export function stagePayload(
  stage: Stage,
  options: { panelIssues?: PanelIssue[]; expertId?: string; assignmentId?: string } = {},
): AssignmentPayload {
  const bundle = loadDemoBundle();
  const expertId = options.expertId ?? bundle.expert.id;
  return assignmentPayloadSchema.parse({
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId: '019e14de-b440-7677-8899-aabbccddeeff',
    cycleId: bundle.cycle.id,
    issuer: 'office-demo',
    keyId: 'a'.repeat(64),
    createdAt: '2026-03-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    expertId,
    expertFingerprint: 'b'.repeat(64),
    cycle: bundle.cycle,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText: '本人承诺保守评审秘密。',
    assignment: {
      ...bundle.assignment,
      id: options.assignmentId ?? assignmentIdOf(stage),
      expertId,
      stage,
    },
    applicants: bundle.applicants,
    office: { name: '示例办公室', signingPublicKey: 'A'.repeat(43) + '=', receivingPublicKey: 'A'.repeat(43) + '=' },
    ...(options.panelIssues === undefined ? {} : { panelIssues: options.panelIssues }),
  });
}

export async function storeStage(db: ScorebookDb, payload: AssignmentPayload, clock: TestClock): Promise<void> {
  const stored = await storeVerifiedAssignment(
    db,
    { payload, assignmentHash: 'c'.repeat(64), officeFingerprint: 'd'.repeat(64), pinned: 'demo' },
    { name: '李明', workUnit: '新疆质量研究院', title: '高级工程师' },
    clock.now,
  );
  if (!stored.ok) throw new Error(stored.error.message);
}

/** What a stage's sheet of the applicant is created from. */
export function stageSheet(stage: Stage, applicant = applicantId, assignmentId = assignmentIdOf(stage)): NewSheet {
  return {
    id: sheetIdOf(assignmentId, applicant),
    cycleId: 'demo-2026',
    assignmentId,
    applicantId: applicant,
    stage,
    criteriaId: 'gbt19580-2012',
  };
}
