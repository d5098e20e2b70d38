import { describe, expect, it } from 'vitest';
import {
  confirmed,
  emptyExpertRegistry,
  enrol,
  revoked,
  trustedKeys,
  withRecord,
  type ExpertRegistry,
} from '../../../src-main/services/office-registry';
import type { ExpertRecord } from '../../../src-shared/contract/office-channels';
import type { EnrollmentPayload } from '../../../src-shared/packages/payload-schemas';

const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

function enrollment(fingerprintChar: string, issuer = `expert-${fingerprintChar.repeat(16)}`): EnrollmentPayload {
  return {
    schema: 'scorebook.enrollment/1',
    kind: 'enrollment',
    packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
    cycleId: 'enrollment',
    issuer,
    keyId: fingerprintChar.repeat(64),
    createdAt: '2026-04-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    profile: { name: '李四', workUnit: '新疆质量协会', title: '', phone: '', fields: [] },
    signingPublicKey: key(1),
    receivingPublicKey: key(2),
  };
}

function enrolled(
  registry: ExpertRegistry,
  payload: EnrollmentPayload,
): { registry: ExpertRegistry; record: ExpertRecord } {
  const result = enrol(registry, payload, '2026-04-01T09:00:00.000Z');
  if (!result.ok) throw new Error(result.error.code);
  return { registry: result.value.next, record: result.value.record };
}

describe('the expert registry', () => {
  it('enrols a new key as pending and refuses the same key or the same expert id again', () => {
    const { registry, record } = enrolled(emptyExpertRegistry, enrollment('a'));
    expect(record).toMatchObject({
      status: 'pending',
      enrolledAt: '2026-04-01T09:00:00.000Z',
      expertId: 'expert-aaaaaaaaaaaaaaaa',
    });
    const duplicate = {
      ok: false,
      error: { code: 'E_EXPERT_DUPLICATE', params: { name: '李四', fingerprint: 'a'.repeat(64) } },
    };
    expect(enrol(registry, enrollment('a'), 'later')).toMatchObject(duplicate);
    expect(enrol(registry, enrollment('b', record.expertId), 'later')).toMatchObject(duplicate);
    expect(enrol(registry, enrollment('b'), 'later').ok).toBe(true);
  });

  it('trusts confirmed keys, marks revoked ones, and leaves pending ones out', () => {
    let { registry } = enrolled(emptyExpertRegistry, enrollment('a'));
    const second = enrolled(registry, enrollment('b'));
    registry = second.registry;
    const [first] = registry.experts;
    if (first === undefined) throw new Error('test setup');
    expect(trustedKeys(registry).size).toBe(0);
    const confirmedFirst = confirmed(first, 'a'.repeat(64), '王五', 't1');
    if (!confirmedFirst.ok) throw new Error('test setup');
    const revokedSecond = revoked(second.record, '离职', 't2');
    if (!revokedSecond.ok) throw new Error('test setup');
    registry = withRecord(withRecord(registry, confirmedFirst.value), revokedSecond.value);
    const keys = trustedKeys(registry);
    expect(keys.get('a'.repeat(64))).toMatchObject({ owner: first.expertId, revoked: false });
    expect(keys.get('b'.repeat(64))).toMatchObject({ owner: second.record.expertId, revoked: true });
    expect(keys.get('a'.repeat(64))?.publicKeyRaw).toEqual(new Uint8Array(32).fill(1));
  });

  it('confirms only the registered fingerprint, keeps the first confirmation, and never confirms a revoked key', () => {
    const { record } = enrolled(emptyExpertRegistry, enrollment('a'));
    expect(confirmed(record, 'b'.repeat(64), '王五', 't1')).toMatchObject({
      error: { code: 'E_FINGERPRINT_MISMATCH' },
    });
    const once = confirmed(record, 'a'.repeat(64), ' 王五 ', 't1');
    expect(once).toMatchObject({ ok: true, value: { status: 'confirmed', confirmedBy: '王五', confirmedAt: 't1' } });
    if (!once.ok) throw new Error('test setup');
    expect(confirmed(once.value, 'a'.repeat(64), '赵六', 't2')).toEqual(once);
    const gone = revoked(once.value, '密钥遗失', 't3');
    if (!gone.ok) throw new Error('test setup');
    expect(confirmed(gone.value, 'a'.repeat(64), '王五', 't4')).toMatchObject({
      error: { code: 'E_KEY_REVOKED', params: { keyId: 'a'.repeat(64) } },
    });
    expect(revoked(gone.value, '又一次', 't5')).toEqual(gone);
  });
});
