import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { expertIdOf } from '../../../src-main/services/enrollment-package';
import { contract } from '../../../src-shared/contract/channels';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { makeSigner, packageFile } from '../../support/package-world';
import { errorOf, expertApp, passphrase, valueOf, type Expert } from './expert-world';
import { enrollmentOf, enrollmentPayload, officeApp, tamperedPayload } from './office-world';

const importSchema = contract['office:experts-import'].response;
const recordSchema = contract['office:expert-confirm'].response;

let root: string;
let clock: number;
let office: Dispatch;

function officeDir(): string {
  return join(root, 'office');
}

async function anExpert(name: string): Promise<Expert> {
  return expertApp(join(root, name), () => clock).expert();
}

async function importFiles(files: { name: string; base64: string }[]) {
  return importSchema.parse(valueOf(await office('office:experts-import', { files })));
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-office-experts-'));
  clock = Date.UTC(2026, 3, 1, 8, 0, 0, 0);
  office = await officeApp(officeDir(), () => clock).create();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('importing enrollment packages', () => {
  it('registers a verified enrollment as pending, with the profile and keys it carries, and keeps the file', async () => {
    const me = await anExpert('li');
    const enrollment = await enrollmentOf(me);
    const { imported, rejected } = await importFiles([enrollment]);
    expect(rejected).toEqual([]);
    expect(imported).toEqual([
      {
        expertId: expertIdOf(me.fingerprint),
        profile: { name: '李四', workUnit: '新疆质量协会', title: '', phone: '', fields: [] },
        fingerprint: me.fingerprint,
        signingPublicKey: encodeBase64(me.signingPublicKey),
        receivingPublicKey: encodeBase64(me.receivingPublicKey),
        enrollmentPackageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        enrolledAt: '2026-04-01T08:00:00.000Z',
        status: 'pending',
        confirmedBy: null,
        confirmedAt: null,
        revokedAt: null,
        revokeReason: null,
      },
    ]);
    expect(valueOf(await office('office:experts-list', {}))).toEqual(imported);
    const [kept] = await readdir(join(officeDir(), 'office', 'enrollments'));
    expect(kept).toMatch(new RegExp(`^李四-${expertIdOf(me.fingerprint)}-[0-9a-f]{16}\\.qapkg$`));
    const bytes = await readFile(join(officeDir(), 'office', 'enrollments', kept ?? ''));
    expect(encodeBase64(new Uint8Array(bytes))).toBe(enrollment.base64);
  });

  it('refuses the same signing key again with E_EXPERT_DUPLICATE naming the expert, without stopping the rest', async () => {
    const li = await anExpert('li');
    const zhao = await anExpert('zhao');
    const first = await enrollmentOf(li);
    await importFiles([first]);
    // Exported again: a new package id, the same key.
    const again = await enrollmentOf(li);
    const { imported, rejected } = await importFiles([again, await enrollmentOf(zhao), first]);
    expect(imported.map((record) => record.fingerprint)).toEqual([zhao.fingerprint]);
    const duplicate = { code: 'E_EXPERT_DUPLICATE', params: { name: '李四', fingerprint: li.fingerprint } };
    expect(rejected).toEqual([
      { name: again.name, ...duplicate },
      { name: first.name, ...duplicate },
    ]);
    expect(
      contract['office:experts-list'].response.parse(valueOf(await office('office:experts-list', {}))),
    ).toHaveLength(2);
  });

  it('refuses a changed enrollment (E_SIG), another kind (E_TYPE) and a file that is not base64, each on its own', async () => {
    const me = await anExpert('li');
    const good = await enrollmentOf(me);
    const tampered = {
      name: 'edited.qapkg',
      base64: tamperedPayload(good.base64, '新疆质量协会', '新疆昆岚电气装备股份有限公司'),
    };
    const signer = await makeSigner('office-urumqi');
    const receipt = {
      name: 'receipt.qapkg',
      base64: encodeBase64(
        await packageFile(signer, 'receipt', {
          schema: 'scorebook.receipt/1',
          kind: 'receipt',
          packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
          cycleId: 'cycle-2026',
          issuer: signer.id,
          keyId: signer.fingerprint,
          createdAt: '2026-04-01T08:00:00.000Z',
          app: { name: 'Scorebook', version: 'test' },
          receiptFor: '01890a5d-ac96-774b-bcce-b302099a8058',
          payloadSha256: 'a'.repeat(64),
          status: 'accepted',
          acceptedSeq: null,
          receivedAt: '2026-04-01T08:00:00.000Z',
        }),
      ),
    };
    const { imported, rejected } = await importFiles([
      tampered,
      receipt,
      { name: 'broken.qapkg', base64: 'not base64!' },
      good,
    ]);
    expect(imported.map((record) => record.fingerprint)).toEqual([me.fingerprint]);
    expect(rejected).toEqual([
      { name: 'edited.qapkg', code: 'E_SIG', params: {} },
      { name: 'receipt.qapkg', code: 'E_TYPE', params: { payloadType: 'application/vnd.scorebook.receipt.v1+json' } },
      { name: 'broken.qapkg', code: 'E_BAD_REQUEST', params: { detail: 'base64: not canonical base64' } },
    ]);
  });

  it('refuses an enrollment whose expert id is not the one its key gives (E_SCHEMA)', async () => {
    const signer = await makeSigner('expert-someone-else');
    const profile = { name: '冒名', workUnit: '某单位', title: '', phone: '', fields: [] };
    const file = await packageFile(
      signer,
      'enrollment',
      enrollmentPayload(signer, profile, new Uint8Array(32).fill(9)),
    );
    const { rejected } = await importFiles([{ name: 'x.qapkg', base64: encodeBase64(file) }]);
    expect(rejected).toMatchObject([{ code: 'E_SCHEMA', params: { detail: expect.stringContaining('issuer') } }]);
  });
});

describe('confirming, correcting and revoking', () => {
  async function registered() {
    const me = await anExpert('li');
    const { imported } = await importFiles([await enrollmentOf(me)]);
    const [record] = imported;
    if (record === undefined) throw new Error('test setup: not imported');
    return { me, expertId: record.expertId };
  }

  it('confirms only with the full registered fingerprint and a person’s name', async () => {
    const { me, expertId } = await registered();
    const wrong = `${me.fingerprint.slice(0, 63)}${me.fingerprint.endsWith('0') ? '1' : '0'}`;
    expect(
      errorOf(await office('office:expert-confirm', { expertId, fingerprint: wrong, confirmedBy: '王五' })).code,
    ).toBe('E_FINGERPRINT_MISMATCH');
    expect(
      errorOf(await office('office:expert-confirm', { expertId, fingerprint: me.fingerprint, confirmedBy: '  ' })),
    ).toMatchObject({ code: 'E_BAD_REQUEST' });
    clock += 60_000;
    const confirmed = recordSchema.parse(
      valueOf(await office('office:expert-confirm', { expertId, fingerprint: me.fingerprint, confirmedBy: '王五' })),
    );
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      confirmedBy: '王五',
      confirmedAt: '2026-04-01T08:01:00.000Z',
    });
    expect(
      errorOf(
        await office('office:expert-confirm', {
          expertId: 'expert-0000',
          fingerprint: me.fingerprint,
          confirmedBy: '王五',
        }),
      ),
    ).toMatchObject({ code: 'E_EXPERT_UNKNOWN', params: { expertId: 'expert-0000' } });
  });

  it('corrects the work unit, fields and phone it keeps; the archived enrollment stays as received', async () => {
    const { expertId } = await registered();
    const folder = join(officeDir(), 'office', 'enrollments');
    const [name] = await readdir(folder);
    const before = await readFile(join(folder, name ?? ''));
    const updated = recordSchema.parse(
      valueOf(
        await office('office:expert-update', {
          expertId,
          workUnit: '新疆大学',
          fields: ['制造业', '服务业'],
          phone: '+86 991 1234567',
        }),
      ),
    );
    expect(updated.profile).toEqual({
      name: '李四',
      workUnit: '新疆大学',
      title: '',
      phone: '+86 991 1234567',
      fields: ['制造业', '服务业'],
    });
    expect(await readFile(join(folder, name ?? ''))).toEqual(before);
    expect(
      errorOf(await office('office:expert-update', { expertId: 'nobody', workUnit: 'x', fields: [], phone: '' })).code,
    ).toBe('E_EXPERT_UNKNOWN');
  });

  it('revokes with time and reason, keeps the first revocation, and a revoked key is not confirmed again', async () => {
    const { me, expertId } = await registered();
    const revoked = recordSchema.parse(valueOf(await office('office:expert-revoke', { expertId, reason: '密钥遗失' })));
    expect(revoked).toMatchObject({
      status: 'revoked',
      revokedAt: '2026-04-01T08:00:00.000Z',
      revokeReason: '密钥遗失',
    });
    clock += 1000;
    expect(valueOf(await office('office:expert-revoke', { expertId, reason: '再次' }))).toEqual(revoked);
    expect(
      errorOf(await office('office:expert-confirm', { expertId, fingerprint: me.fingerprint, confirmedBy: '王五' })),
    ).toMatchObject({ code: 'E_KEY_REVOKED', params: { keyId: me.fingerprint } });
  });

  it('keeps the registry across a restart', async () => {
    const { me, expertId } = await registered();
    valueOf(await office('office:expert-confirm', { expertId, fingerprint: me.fingerprint, confirmedBy: '王五' }));
    const restarted = officeApp(officeDir(), () => clock).start();
    valueOf(await restarted('identity:unlock', { passphrase }));
    expect(valueOf(await restarted('office:experts-list', {}))).toMatchObject([{ expertId, status: 'confirmed' }]);
  });
});

describe('who may use the registry', () => {
  it('answers E_LOCKED while the office is locked and E_NOT_OFFICE on an expert’s installation', async () => {
    const me = await anExpert('li');
    const enrollment = await enrollmentOf(me);
    valueOf(await office('identity:lock', {}));
    const requests = {
      'office:experts-list': {},
      'office:experts-import': { files: [enrollment] },
      'office:expert-confirm': { expertId: 'e', fingerprint: me.fingerprint, confirmedBy: '王五' },
      'office:expert-update': { expertId: 'e', workUnit: 'x', fields: [], phone: '' },
      'office:expert-revoke': { expertId: 'e', reason: 'x' },
    };
    for (const [channel, request] of Object.entries(requests)) {
      expect([channel, errorOf(await office(channel, request)).code]).toEqual([channel, 'E_LOCKED']);
      expect([channel, errorOf(await me.dispatch(channel, request)).code]).toEqual([channel, 'E_NOT_OFFICE']);
    }
  });
});
