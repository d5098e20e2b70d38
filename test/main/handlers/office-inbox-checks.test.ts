import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { secureRandom } from '../../../src-main/services/secure-random';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { sha256Hex, utf8Encode } from '../../../src-shared/packages/bytes';
import type { DeclarationPayload, PackageKind, PledgePayload } from '../../../src-shared/packages/payload-schemas';
import { uuidV7 } from '../../../src-shared/packages/uuid-v7';
import { packageFile, sheetPayload } from '../../support/package-world';
import { errorOf, valueOf } from './expert-world';
import {
  demoBundle,
  handMadeExpert,
  inboxImport,
  issue,
  issueRequest,
  officeApp,
  pledgeText,
  realCycle,
  type HandMadeExpert,
} from './office-world';

/**
 * The inbox's checks against the office's own records, with an expert whose keys the test holds: it signs what the
 * expert app would never sign (a sheet after a declared conflict, a pledge of another text, a sheet under an
 * assignment the office did not issue), so each refusal is the office's own.
 */

let root: string;
let clock: number;
let office: Dispatch;
let officeReceivingKey: Uint8Array;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-office-checks-'));
  clock = Date.UTC(2026, 3, 1, 8, 0, 0, 0);
  office = await officeApp(root, () => clock).create();
  const keys = JSON.parse(await readFile(join(root, 'keys.json'), 'utf8')) as { receiving: { publicKey: string } };
  officeReceivingKey = decodeBase64Strict(keys.receiving.publicKey) ?? new Uint8Array();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Registers the hand-made expert (confirmed unless told otherwise) and issues them the material assignment. */
async function assigned(confirm = true) {
  const expert = await handMadeExpert();
  valueOf(await office('office:experts-import', { files: [expert.enrollment] }));
  const expertId = expert.signer.id;
  if (!confirm) return { expert, expertId, assignmentId: '', assignmentHash: '' };
  valueOf(
    await office('office:expert-confirm', { expertId, fingerprint: expert.signer.fingerprint, confirmedBy: '王五' }),
  );
  const issued = await issue(office, issueRequest(expertId));
  return { expert, expertId, assignmentId: issued.assignmentId, assignmentHash: issued.payloadSha256 };
}

async function sealed(expert: HandMadeExpert, kind: PackageKind, payload: object) {
  const file = await packageFile(expert.signer, kind, payload, { sealTo: officeReceivingKey });
  return { name: `${kind}.qapkg`, base64: encodeBase64(file) };
}

function common(expert: HandMadeExpert, cycleId = realCycle.id) {
  return {
    packageId: uuidV7(clock, secureRandom),
    cycleId,
    issuer: expert.signer.id,
    keyId: expert.signer.fingerprint,
    createdAt: '2026-04-02T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
  };
}

async function pledge(expert: HandMadeExpert, text = pledgeText) {
  const payload: PledgePayload = {
    schema: 'scorebook.pledge/1',
    kind: 'pledge',
    ...common(expert),
    pledgeTextSha256: await sha256Hex(utf8Encode(text)),
    accepted: true,
  };
  return sealed(expert, 'pledge', payload);
}

function declaration(
  expert: HandMadeExpert,
  chain: { assignmentId: string; assignmentHash: string },
  patch: Partial<DeclarationPayload> = {},
) {
  const payload: DeclarationPayload = {
    schema: 'scorebook.declaration/1',
    kind: 'declaration',
    ...common(expert),
    stage: 'material',
    applicantId: 'demo-applicant-kunlan',
    ...chain,
    seq: 1,
    prevHash: null,
    conflict: true,
    grounds: [{ ground: 'consulting', text: '近三年为该公司提供过质量管理咨询' }],
    correctionReason: null,
    ...patch,
  };
  return sealed(expert, 'declaration', payload);
}

function sheet(expert: HandMadeExpert, chain: { assignmentId: string; assignmentHash: string }, cycleId?: string) {
  const payload = sheetPayload(expert.signer, {
    ...common(expert, cycleId),
    applicantId: 'demo-applicant-kunlan',
    ...chain,
  });
  return sealed(expert, 'sheet', payload);
}

async function codeOf(file: { name: string; base64: string }): Promise<string> {
  const [result] = await inboxImport(office, [file]);
  return result?.outcome === 'rejected' ? result.code : `${result?.outcome ?? 'nothing'}`;
}

describe('the office’s own checks', () => {
  it('refuses the sheet of an expert who declared a conflict (E_RECUSED), and takes it after a correction', async () => {
    const { expert, assignmentId, assignmentHash } = await assigned();
    const chain = { assignmentId, assignmentHash };
    const [declared] = await inboxImport(office, [await declaration(expert, chain)]);
    if (declared?.outcome !== 'accepted') throw new Error('test setup: declaration refused');
    expect(await codeOf(await sheet(expert, chain))).toBe('E_RECUSED');
    const correction = await declaration(expert, chain, {
      seq: 2,
      prevHash: declared.payloadSha256,
      conflict: false,
      grounds: [],
      correctionReason: '咨询合同已于 2022 年终止，误报',
    });
    expect(await codeOf(correction)).toBe('accepted');
    expect(await codeOf(await sheet(expert, chain))).toBe('accepted');
  });

  it('refuses a sheet whose assignmentHash is not the assignment the office issued (E_NOT_ASSIGNED)', async () => {
    const { expert, assignmentId, assignmentHash } = await assigned();
    const noConflict = { conflict: false, grounds: [] };
    expect(await codeOf(await declaration(expert, { assignmentId, assignmentHash }, noConflict))).toBe('accepted');
    expect(await codeOf(await sheet(expert, { assignmentId, assignmentHash: 'b'.repeat(64) }))).toBe('E_NOT_ASSIGNED');
    expect(await codeOf(await sheet(expert, { assignmentId: 'assignment-other', assignmentHash }))).toBe(
      'E_NOT_ASSIGNED',
    );
    expect(await codeOf(await sheet(expert, { assignmentId, assignmentHash }))).toBe('accepted');
  });

  it('refuses a pledge of another text (E_SCHEMA) and takes the one sent', async () => {
    const { expert } = await assigned();
    const [refused] = await inboxImport(office, [await pledge(expert, '另一份承诺')]);
    expect(refused).toMatchObject({
      outcome: 'rejected',
      code: 'E_SCHEMA',
      params: { detail: 'pledgeTextSha256: not the pledge text the office sent' },
    });
    expect(await codeOf(await pledge(expert))).toBe('accepted');
  });

  it('refuses packages of a cycle it never issued (E_CYCLE), of an unconfirmed key (E_KEY_UNKNOWN), of a revoked one (E_KEY_REVOKED)', async () => {
    const pending = await assigned(false);
    expect(await codeOf(await pledge(pending.expert))).toBe('E_KEY_UNKNOWN');

    const { expert, expertId, assignmentId, assignmentHash } = await assigned();
    expect(await codeOf(await sheet(expert, { assignmentId, assignmentHash }, 'cycle-1999'))).toBe('E_CYCLE');
    expect(await codeOf(await pledge(expert))).toBe('accepted');
    valueOf(await office('office:expert-revoke', { expertId, reason: '密钥遗失' }));
    const [revoked] = await inboxImport(office, [await pledge(expert)]);
    expect(revoked).toMatchObject({ code: 'E_KEY_REVOKED', params: { keyId: expert.signer.fingerprint } });
  });
});

describe('declared conflicts block later assignments', () => {
  it('refuses the applicant in this cycle (declared) and the same organisation in a later cycle (earlier)', async () => {
    const { expert, expertId, assignmentId, assignmentHash } = await assigned();
    expect(await codeOf(await declaration(expert, { assignmentId, assignmentHash }))).toBe('accepted');

    expect(
      errorOf(await office('office:assignment-issue', issueRequest(expertId, { stage: 'defense' }))),
    ).toMatchObject({
      code: 'E_CONFLICT',
      params: {
        expert: '赵六',
        applicant: '新疆昆岚电气装备股份有限公司',
        reason: '专家已在本周期声明存在利益冲突并回避',
      },
    });
    const [kunlan] = demoBundle.applicants;
    if (kunlan === undefined) throw new Error('test setup');
    const nextYear = issueRequest(expertId, {
      cycle: { ...realCycle, id: 'cycle-2027', year: 2027 },
      applicants: [{ ...kunlan, id: 'applicant-2027-1' }],
    });
    expect(errorOf(await office('office:assignment-issue', nextYear))).toMatchObject({
      code: 'E_CONFLICT',
      params: {
        reasonEn: 'the expert declared a conflict with the same organisation (same credit code) in an earlier cycle',
      },
    });
    // The other applicants are still open to the expert.
    const others = demoBundle.applicants.filter((applicant) => applicant.id !== kunlan.id);
    expect((await issue(office, issueRequest(expertId, { stage: 'defense', applicants: others }))).stage).toBe(
      'defense',
    );
  });
});
