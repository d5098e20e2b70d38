import { describe, expect, it } from 'vitest';
import {
  buildEnrollmentPackage,
  enrollmentFileName,
  expertIdOf,
  fileNamePart,
} from '../../../src-main/services/enrollment-package';
import { fail, ok } from '../../../src-shared/contract/result';
import type { ExpertProfile } from '../../../src-shared/packages/payload-schemas';

const fingerprint = '0123456789abcdef'.repeat(4);
const profile: ExpertProfile = { name: '张三', workUnit: '新疆质量协会', title: '', phone: '', fields: [] };

describe('expertIdOf', () => {
  it('is expert- and the first 16 hex digits of the fingerprint', () => {
    expect(expertIdOf(fingerprint)).toBe('expert-0123456789abcdef');
  });
});

describe('fileNamePart', () => {
  it.each([
    ['张三', '张三'],
    ['欧阳 娜娜', '欧阳_娜娜'],
    ['Zhang San', 'Zhang_San'],
    ['José Müller', 'José_Müller'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a_b_c_d_e_f_g_h_i_j'],
    ['../../etc/passwd', 'etc_passwd'],
    ['  .hidden. ', 'hidden'],
    ['玛丽·居里', '玛丽_居里'],
    ['李四😀', '李四'],
    ['name\u0000\u001f\u202e', 'name'],
    ['...', 'expert'],
    ['', 'expert'],
    ['长'.repeat(60), '长'.repeat(40)],
  ])('turns %j into %j', (input, expected) => {
    expect(fileNamePart(input)).toBe(expected);
  });

  it('keeps names whose characters are all safe on Windows, macOS and Linux', () => {
    for (const input of ['a<b', 'con', 'x\ty', '名字.qapkg', '- -']) {
      expect(fileNamePart(input)).toMatch(/^[\p{L}\p{M}\p{N}_-]{1,40}$/u);
    }
  });
});

describe('enrollmentFileName', () => {
  it('is enrollment-<name>-<first 8 hex>.qapkg', () => {
    expect(enrollmentFileName(profile, fingerprint)).toBe('enrollment-张三-01234567.qapkg');
  });
});

describe('buildEnrollmentPackage', () => {
  const input = {
    profile,
    fingerprint,
    signingPublicKey: new Uint8Array(32).fill(1),
    receivingPublicKey: new Uint8Array(32).fill(2),
    appVersion: '1.0.0',
    nowMs: Date.UTC(2025, 0, 2, 3, 4, 5, 6),
    random: (bytes: Uint8Array) => bytes.fill(0xab),
  };

  it('builds the payload from its inputs and signs it', async () => {
    const built = await buildEnrollmentPackage({ ...input, sign: async () => ok(new Uint8Array(64)) });
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.payload).toEqual({
      schema: 'scorebook.enrollment/1',
      kind: 'enrollment',
      packageId: '019424f8-608e-7bab-abab-abababababab',
      cycleId: 'enrollment',
      issuer: 'expert-0123456789abcdef',
      keyId: fingerprint,
      createdAt: '2025-01-02T03:04:05.006Z',
      app: { name: 'Scorebook', version: '1.0.0' },
      profile,
      signingPublicKey: Buffer.alloc(32, 1).toString('base64'),
      receivingPublicKey: Buffer.alloc(32, 2).toString('base64'),
    });
    expect(built.value.fileName).toBe('enrollment-张三-01234567.qapkg');
  });

  it('passes a signing failure through', async () => {
    const built = await buildEnrollmentPackage({ ...input, sign: async () => fail('E_LOCKED', 'locked') });
    expect(built).toMatchObject({ ok: false, error: { code: 'E_LOCKED' } });
  });

  it('refuses with E_INTERNAL, unsigned, a payload its schema would refuse', async () => {
    let signed = false;
    const built = await buildEnrollmentPackage({
      ...input,
      appVersion: 'v'.repeat(51),
      sign: async () => {
        signed = true;
        return ok(new Uint8Array(64));
      },
    });
    expect(built).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
    expect(signed).toBe(false);
  });
});
