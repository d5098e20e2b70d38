import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { AssignmentBundle } from '../../../src-shared/assignments/assignment-schema';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { utf8Decode } from '../../../src-shared/packages/bytes';
import { unpackContainer } from '../../../src-shared/packages/container';
import { parseEnvelope } from '../../../src-shared/packages/dsse';
import { enrollmentPayloadSchema } from '../../../src-shared/packages/payload-schemas';
import { generateReceivingKeyPair } from '../../../src-shared/packages/seal';
import { makeSigner, packageFile, type Signer } from '../../support/package-world';
import { exportEnrollment } from './office-panels';

/** What an office learns from an expert's enrollment package. */
export interface EnrolledExpert {
  readonly id: string;
  readonly fingerprint: string;
  readonly receivingPublicKey: Uint8Array;
  /** The Ed25519 public key, base64, as the office registers it. */
  readonly signingPublicKey: string;
}

/** Reads an enrollment package the way the office would (it is unsealed); the test fails on anything odd. */
export function readEnrollment(file: Uint8Array, fingerprint: string): EnrolledExpert {
  const container = unpackContainer(file);
  if (!container.ok) throw new Error(container.error.message);
  const envelope = parseEnvelope(container.value.envelope);
  if (!envelope.ok) throw new Error(envelope.error.message);
  const payload = enrollmentPayloadSchema.parse(JSON.parse(utf8Decode(envelope.value.payloadBytes) ?? ''));
  const receiving = decodeBase64Strict(payload.receivingPublicKey);
  if (receiving === undefined || payload.keyId !== fingerprint) throw new Error('enrollment does not match');
  return {
    id: payload.issuer,
    fingerprint: payload.keyId,
    receivingPublicKey: receiving,
    signingPublicKey: payload.signingPublicKey,
  };
}

export interface TestOffice {
  readonly signer: Signer;
  readonly name: string;
  /** The office's X25519 pair: experts seal their packages to the public key; the office opens them with the private. */
  readonly receiving: { readonly publicKeyRaw: Uint8Array; readonly privateKeyRaw: Uint8Array };
}

export async function makeOffice(name: string): Promise<TestOffice> {
  return { signer: await makeSigner('office-urumqi'), name, receiving: await generateReceivingKeyPair() };
}

/** The expert exports the enrollment package from the profile page; the office reads it. Ends on the profile page. */
export async function enrollFromProfile(page: Page): Promise<EnrolledExpert> {
  const { path, fingerprint } = await exportEnrollment(page);
  return readEnrollment(readFileSync(path), fingerprint);
}

/** A real (non-demo) assignment from `office` for `expert`, signed and sealed to the expert, as a .qapkg. */
export async function assignmentFor(
  office: TestOffice,
  expert: EnrolledExpert,
  packageId: string,
): Promise<Uint8Array> {
  const bundle = JSON.parse(readFileSync('resources/demo/demo-cycle.json', 'utf8')) as AssignmentBundle;
  const cycle = {
    ...bundle.cycle,
    id: 'urumqi-2026',
    demo: false,
    name: { 'zh-CN': '2026年度乌鲁木齐市人民政府质量奖', en: '2026 Urumqi Municipal Government Quality Award' },
  };
  const payload = {
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId,
    cycleId: cycle.id,
    issuer: office.signer.id,
    keyId: office.signer.fingerprint,
    createdAt: '2026-05-01T08:00:00.000Z',
    app: { name: 'Scorebook office', version: 'test' },
    expertId: expert.id,
    expertFingerprint: expert.fingerprint,
    cycle,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText: '本人承诺：保守评审秘密，不复制、不外传申报材料；与申报组织有利害关系时主动回避。',
    assignment: { ...bundle.assignment, id: 'urumqi-2026-material-1', cycleId: cycle.id, expertId: expert.id },
    applicants: bundle.applicants,
    office: {
      name: office.name,
      signingPublicKey: encodeBase64(office.signer.publicKeyRaw),
      receivingPublicKey: encodeBase64(office.receiving.publicKeyRaw),
    },
  };
  return packageFile(office.signer, 'assignment', payload, { sealTo: expert.receivingPublicKey });
}
