import { encodeBase64 } from '../src-shared/packages/base64';
import { generateReceivingKeyPair } from '../src-shared/packages/seal';
import { assignmentPayloadSchema } from '../src-shared/packages/payload-schemas';
import { makeOffice, type EnrolledExpert } from '../test/e2e/support/office';
import { packageFile } from '../test/support/package-world';
import { loadDemoBundle, type SeedData } from './seed-rows';

/** A fixed UUIDv7, as package ids must be; the benchmark imports exactly one assignment per run. */
const packageId = '01934a5d-ac96-7abc-8cce-b302099a8b00';

/**
 * The benchmark's assignment as a real office would send it (the approach of the e2e `assignmentFor`):
 * the demo cycle renamed as a non-demo cycle, all of `seed`'s applicants, signed by a fresh office key
 * and sealed to the expert's receiving key from the enrollment package. Returns the `.qapkg` bytes.
 */
export async function benchAssignmentPackage(expert: EnrolledExpert, seed: SeedData): Promise<Uint8Array> {
  const bundle = loadDemoBundle();
  const office = await makeOffice('基准测试评审办公室');
  const receiving = await generateReceivingKeyPair();
  const cycle = {
    ...bundle.cycle,
    id: seed.cycleId,
    demo: false,
    name: { 'zh-CN': '2026年度基准测试质量奖', en: '2026 Benchmark Quality Award' },
  };
  // Parsed here so a drift of the package format fails the benchmark before the app refuses the import.
  const payload = assignmentPayloadSchema.parse({
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId,
    cycleId: cycle.id,
    issuer: office.signer.id,
    keyId: office.signer.fingerprint,
    createdAt: new Date().toISOString(),
    app: { name: 'Scorebook bench office', version: 'bench' },
    expertId: expert.id,
    expertFingerprint: expert.fingerprint,
    cycle,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText: '本人承诺：保守评审秘密，不复制、不外传申报材料；与申报组织有利害关系时主动回避。',
    assignment: {
      ...bundle.assignment,
      id: seed.assignmentId,
      cycleId: cycle.id,
      stage: seed.stage,
      expertId: expert.id,
      applicantIds: [...seed.applicantIds],
    },
    applicants: [...seed.applicants],
    office: {
      name: office.name,
      signingPublicKey: encodeBase64(office.signer.publicKeyRaw),
      receivingPublicKey: encodeBase64(receiving.publicKeyRaw),
    },
  });
  return packageFile(office.signer, 'assignment', payload, { sealTo: expert.receivingPublicKey });
}
