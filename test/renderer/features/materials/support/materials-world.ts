import demoJson from '../../../../../resources/demo/demo-cycle.json';
import type { AssignmentBundle } from '../../../../../src-shared/assignments/assignment-schema';
import { parseDemoBundle } from '../../../../../src-shared/demo/validate-demo';
import { assignmentPayloadSchema, type AssignmentPayload } from '../../../../../src-shared/packages/payload-schemas';
import type { AssignmentMaterial } from '../../../../../src-shared/stages/stage-setup';
import type { AssignmentPackageRow } from '../../../../../src-renderer/data/row-schemas';

/**
 * A verified-assignment row carrying materials, built from the shipped demo bundle (its cycle, expert, assignment
 * and applicants) — for the data tests (fake IndexedDB) and the e2e harness page (the browser's), which both need
 * a row that passes the app's own row schema. Works without Node APIs.
 */
export function demoBundle(): AssignmentBundle {
  const parsed = parseDemoBundle(demoJson);
  if (!parsed.ok) throw new Error(`the shipped demo bundle is invalid: ${parsed.error.message}`);
  return parsed.value;
}

/** 32 zero bytes in canonical base64: a well-formed key that signs nothing. */
const zeroKey = `${'A'.repeat(43)}=`;

export function payloadWithMaterials(materials: readonly AssignmentMaterial[]): AssignmentPayload {
  const bundle = demoBundle();
  return assignmentPayloadSchema.parse({
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId: '01900000-0000-7000-8000-000000000001',
    cycleId: bundle.cycle.id,
    issuer: 'office-test',
    keyId: 'a'.repeat(64),
    createdAt: '2026-03-01T00:00:00.000Z',
    app: { name: 'scorebook', version: 'test' },
    expertId: bundle.expert.id,
    expertFingerprint: 'b'.repeat(64),
    cycle: bundle.cycle,
    commentRules: { strengthWithEvidenceFrom: null, ofiUpTo: null },
    pledgeText: '测试承诺',
    assignment: bundle.assignment,
    applicants: bundle.applicants,
    office: { name: '测试办公室', signingPublicKey: zeroKey, receivingPublicKey: zeroKey },
    materials,
  });
}

export function packageRowWithMaterials(materials: readonly AssignmentMaterial[]): AssignmentPackageRow {
  const payload = payloadWithMaterials(materials);
  return {
    v: 1,
    id: payload.assignment.id,
    payload,
    assignmentHash: 'c'.repeat(64),
    officeFingerprint: 'd'.repeat(64),
    pinned: 'new',
    importedAt: '2026-03-01T00:00:00.000Z',
  };
}

/** The demo's assignment id and its first two applicants' ids. */
export function demoIds(): { assignmentId: string; applicantId: string; otherApplicantId: string } {
  const bundle = demoBundle();
  const [applicantId, otherApplicantId] = bundle.assignment.applicantIds;
  if (applicantId === undefined || otherApplicantId === undefined) throw new Error('the demo has two applicants');
  return { assignmentId: bundle.assignment.id, applicantId, otherApplicantId };
}
