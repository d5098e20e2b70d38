import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createDispatch } from '../../../src-main/handlers/dispatch';
import type { Handlers } from '../../../src-main/handlers/handler-types';
import { channels, type AppInfo, type IdentityStatus } from '../../../src-shared/contract/channels';
import { errorCodes } from '../../../src-shared/contract/error-codes';
import { fail, ok, type Result } from '../../../src-shared/contract/result';
import { parseDemoBundle } from '../../../src-shared/demo/validate-demo';
import { shippedCriteria } from '../../support/shipped-criteria';

const appInfo: AppInfo = { name: 'Scorebook', version: '1.2.3', transport: 'web', dataDir: '/data' };
const profile = { name: '张三', workUnit: '新疆质量协会', title: '', phone: '', fields: [] };
const status: IdentityStatus = {
  state: 'unlocked',
  role: 'expert',
  profile,
  officeName: null,
  fingerprint: 'ab'.repeat(32),
  idleMinutes: 15,
};
const exported = { fileName: 'enrollment-张三-abababab.qapkg', base64: 'UEsDBA==', fingerprint: 'ab'.repeat(32) };
const criteria = shippedCriteria();
const demoResult = parseDemoBundle(
  JSON.parse(readFileSync(new URL('../../../resources/demo/demo-cycle.json', import.meta.url), 'utf8')),
);
if (!demoResult.ok) throw new Error(`test setup: the shipped demo does not load: ${demoResult.error.message}`);
const demo = demoResult.value;
const fingerprint = 'cd'.repeat(32);
const imported = {
  payload: {
    schema: 'scorebook.assignment/1',
    kind: 'assignment',
    packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
    cycleId: demo.cycle.id,
    issuer: 'demo-office',
    keyId: fingerprint,
    createdAt: '2026-05-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    expertId: 'expert-abababababababab',
    expertFingerprint: 'ab'.repeat(32),
    cycle: demo.cycle,
    commentRules: { strengthWithEvidenceFrom: 70, ofiUpTo: 25 },
    pledgeText: '承诺',
    assignment: { ...demo.assignment, expertId: 'expert-abababababababab' },
    applicants: demo.applicants,
    office: {
      name: '示例办公室（演示）',
      signingPublicKey: 'A'.repeat(43) + '=',
      receivingPublicKey: `${'B'.repeat(42)}A=`,
    },
  },
  assignmentHash: 'ef'.repeat(32),
  officeFingerprint: fingerprint,
  pinned: 'demo',
} as const;
const signed = {
  packageId: '01890a5d-ac96-774b-bcce-b302099a8057',
  fileName: 'declaration-applicant-1-v1-01890a5d.qapkg',
  base64: 'U0NPUkU=',
  payloadSha256: 'ab'.repeat(32),
  seq: 1,
};
const pin = {
  fingerprint,
  pinnedAt: '2026-05-01T08:00:00.000Z',
  history: [
    { fingerprint: '01'.repeat(32), pinnedAt: '2026-01-01T00:00:00.000Z', replacedAt: '2026-05-01T08:00:00.000Z' },
  ],
};

const quick = { available: true, reason: null, stored: true };

const expertRecord = {
  expertId: 'expert-1',
  profile: { name: '王专家', workUnit: '新疆大学', title: '教授', phone: '', fields: [] },
  fingerprint,
  signingPublicKey: 'A'.repeat(43) + '=',
  receivingPublicKey: 'A'.repeat(43) + '=',
  enrollmentPackageId: 'p',
  enrolledAt: '2026-05-01T08:00:00.000Z',
  status: 'pending' as const,
  confirmedBy: null,
  confirmedAt: null,
  revokedAt: null,
  revokeReason: null,
};

const issued = {
  assignmentId: 'as-1',
  cycleId: 'c-1',
  stage: 'material' as const,
  expertId: 'expert-1',
  panelId: 'panel-1',
  applicantIds: ['ap-1'],
  packageId: 'p',
  payloadSha256: 'ab'.repeat(32),
  fileName: 'as-1.qapkg',
  issuedAt: '2026-05-01T08:00:00.000Z',
};

const storedFile = { sha256: 'ab'.repeat(32), size: 5, name: '现场照片.jpg', mediaType: 'image/jpeg' };

/** Handlers that answer every channel correctly, as spies, with some replaced by the test. */
function fakeHandlers(overrides: Partial<Handlers> = {}) {
  return {
    'app:info': vi.fn(overrides['app:info'] ?? (async () => ok(appInfo))),
    'criteria:list': vi.fn(overrides['criteria:list'] ?? (async () => ok([]))),
    'criteria:get': vi.fn(overrides['criteria:get'] ?? (async () => ok(criteria))),
    'demo:get': vi.fn(overrides['demo:get'] ?? (async () => ok(demo))),
    'identity:status': vi.fn(overrides['identity:status'] ?? (async () => ok(status))),
    'identity:create': vi.fn(overrides['identity:create'] ?? (async () => ok(status))),
    'identity:create-office': vi.fn(overrides['identity:create-office'] ?? (async () => ok(status))),
    'identity:unlock': vi.fn(overrides['identity:unlock'] ?? (async () => ok(status))),
    'identity:lock': vi.fn(overrides['identity:lock'] ?? (async () => ok({ ...status, state: 'locked' as const }))),
    'identity:change-passphrase': vi.fn(overrides['identity:change-passphrase'] ?? (async () => ok(status))),
    'settings:set-idle-minutes': vi.fn(overrides['settings:set-idle-minutes'] ?? (async () => ok(status))),
    'enrollment:export': vi.fn(overrides['enrollment:export'] ?? (async () => ok(exported))),
    'assignments:import': vi.fn(overrides['assignments:import'] ?? (async () => ok(imported))),
    'assignments:repin': vi.fn(
      overrides['assignments:repin'] ?? (async () => ok({ ...imported, pinned: 'new' as const })),
    ),
    'office:pin': vi.fn(overrides['office:pin'] ?? (async () => ok(pin))),
    'demo:assignment': vi.fn(overrides['demo:assignment'] ?? (async () => ok({ base64: 'U0NPUkU=' }))),
    'assignments:status': vi.fn(
      overrides['assignments:status'] ?? (async () => ok({ pledged: false, declarations: [] })),
    ),
    'packages:sign-pledge': vi.fn(overrides['packages:sign-pledge'] ?? (async () => ok({ ...signed, seq: null }))),
    'packages:sign-declaration': vi.fn(overrides['packages:sign-declaration'] ?? (async () => ok(signed))),
    'packages:sign-sheet': vi.fn(overrides['packages:sign-sheet'] ?? (async () => ok(signed))),
    'receipts:import': vi.fn(overrides['receipts:import'] ?? (async () => ok({ receipts: [], rejected: [] }))),
    'dialog:confirm': vi.fn(overrides['dialog:confirm'] ?? (async () => ok({ confirmed: true }))),
    'files:save-to-folder': vi.fn(
      overrides['files:save-to-folder'] ?? (async () => ok({ folder: '/media/usb', written: ['a.qapkg'] })),
    ),
    'identity:quick-unlock-status': vi.fn(overrides['identity:quick-unlock-status'] ?? (async () => ok(quick))),
    'identity:quick-unlock-enable': vi.fn(overrides['identity:quick-unlock-enable'] ?? (async () => ok(quick))),
    'identity:quick-unlock-disable': vi.fn(overrides['identity:quick-unlock-disable'] ?? (async () => ok(quick))),
    'identity:quick-unlock': vi.fn(overrides['identity:quick-unlock'] ?? (async () => ok(status))),
    'office:experts-list': vi.fn(overrides['office:experts-list'] ?? (async () => ok([]))),
    'office:experts-import': vi.fn(
      overrides['office:experts-import'] ?? (async () => ok({ imported: [], rejected: [] })),
    ),
    'office:expert-confirm': vi.fn(overrides['office:expert-confirm'] ?? (async () => ok(expertRecord))),
    'office:expert-update': vi.fn(overrides['office:expert-update'] ?? (async () => ok(expertRecord))),
    'office:expert-revoke': vi.fn(overrides['office:expert-revoke'] ?? (async () => ok(expertRecord))),
    'office:assignment-issue': vi.fn(
      overrides['office:assignment-issue'] ?? (async () => ok({ ...issued, base64: 'U0NPUkU=' })),
    ),
    'office:assignments-list': vi.fn(overrides['office:assignments-list'] ?? (async () => ok([issued]))),
    'office:inbox-import': vi.fn(overrides['office:inbox-import'] ?? (async () => ok([]))),
    'office:inbox-list': vi.fn(
      overrides['office:inbox-list'] ?? (async () => ok({ packages: [], rejected: [], acceptedCount: 0 })),
    ),
    'office:receipts-export': vi.fn(
      overrides['office:receipts-export'] ?? (async () => ok({ fileName: 'r.qarcpt', base64: 'U0NPUkU=', count: 0 })),
    ),
    'office:sign-record': vi.fn(
      overrides['office:sign-record'] ??
        (async () => ok({ sha256: 'ab'.repeat(32), signature: 'U0NPUkU=', keyId: fingerprint, signedAt: 't' })),
    ),
    'office:xlsx-read': vi.fn(overrides['office:xlsx-read'] ?? (async () => ok({ rows: [], errors: [] }))),
    'office:xlsx-write': vi.fn(overrides['office:xlsx-write'] ?? (async () => ok({ base64: 'U0NPUkU=' }))),
    'office:demo-load': vi.fn(
      overrides['office:demo-load'] ?? (async () => ok({ experts: [expertRecord], issued: 1, inbox: [] })),
    ),
    'materials:read': vi.fn(overrides['materials:read'] ?? (async () => ok({ base64: 'JVBERi0=' }))),
    'evidence:add': vi.fn(overrides['evidence:add'] ?? (async () => ok(storedFile))),
    'evidence:read': vi.fn(overrides['evidence:read'] ?? (async () => ok({ base64: 'U0NPUkU=' }))),
    'office:material-add': vi.fn(
      overrides['office:material-add'] ?? (async () => ok({ ...storedFile, mediaType: 'application/pdf' })),
    ),
    'office:attachment-read': vi.fn(overrides['office:attachment-read'] ?? (async () => ok({ base64: 'U0NPUkU=' }))),
  } satisfies Handlers;
}

/**
 * A handler that breaks its typed promise, as a buggy one would at run time. The type system
 * would refuse it; typing it `never` lets a test hand it to any channel.
 */
function untyped(behaviour: () => unknown): never {
  return behaviour as never;
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('dispatch of an unknown channel', () => {
  it.each(['nope', '', 'APP:INFO', 'app:info ', 'app:', 'constructor', '__proto__', 'toString', 'scorebook:app:info'])(
    'answers %j with E_UNKNOWN_CHANNEL naming the channel, and calls no handler',
    async (channel) => {
      const handlers = fakeHandlers();
      const error = errorOf(await createDispatch(handlers)(channel, {}));
      expect(error.code).toBe('E_UNKNOWN_CHANNEL');
      expect(error.params).toEqual({ channel });
      for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
    },
  );
});

describe('dispatch of a bad request', () => {
  it.each([
    ['an id of the wrong type', 'criteria:get', { id: 42 }, 'id'],
    ['a missing id', 'criteria:get', {}, 'id'],
    ['an empty id', 'criteria:get', { id: '' }, 'id'],
    ['an id over 100 characters', 'criteria:get', { id: 'x'.repeat(101) }, 'id'],
    ['an extra key on a strict schema', 'criteria:get', { id: 'gbt19580-2012', extra: 1 }, 'extra'],
    ['an extra key on an empty request', 'app:info', { verbose: true }, 'verbose'],
    ['null', 'app:info', null, '(root)'],
    ['undefined', 'criteria:list', undefined, '(root)'],
    ['a string', 'demo:get', 'please', '(root)'],
    ['a number', 'criteria:get', 7, '(root)'],
    ['an array', 'app:info', [], '(root)'],
    ['an extra key on identity:status', 'identity:status', { all: true }, 'all'],
    [
      'a profile with an unknown field',
      'identity:create',
      { profile: { ...profile, email: 'a@b.c' }, passphrase: 'p' },
      'email',
    ],
    [
      'a profile without a name',
      'identity:create',
      { profile: { ...profile, name: undefined }, passphrase: 'p' },
      'name',
    ],
    ['a missing passphrase', 'identity:create', { profile }, 'passphrase'],
    ['a passphrase over 1000 characters', 'identity:unlock', { passphrase: 'x'.repeat(1001) }, 'passphrase'],
    ['an empty passphrase', 'identity:unlock', { passphrase: '' }, 'passphrase'],
    ['a passphrase that is not a string', 'identity:unlock', { passphrase: 12345678901 }, 'passphrase'],
    ['an extra key on identity:lock', 'identity:lock', { now: true }, 'now'],
    ['a missing new passphrase', 'identity:change-passphrase', { oldPassphrase: 'old passphrase' }, 'newPassphrase'],
    [
      'a new passphrase over 1000 characters',
      'identity:change-passphrase',
      { oldPassphrase: 'old passphrase', newPassphrase: 'y'.repeat(1001) },
      'newPassphrase',
    ],
    ['idle minutes of 0', 'settings:set-idle-minutes', { idleMinutes: 0 }, 'idleMinutes'],
    ['idle minutes above 240', 'settings:set-idle-minutes', { idleMinutes: 241 }, 'idleMinutes'],
    ['fractional idle minutes', 'settings:set-idle-minutes', { idleMinutes: 7.5 }, 'idleMinutes'],
    ['idle minutes as text', 'settings:set-idle-minutes', { idleMinutes: '15' }, 'idleMinutes'],
    ['an extra key on enrollment:export', 'enrollment:export', { to: 'office' }, 'to'],
    ['a missing base64 on assignments:import', 'assignments:import', {}, 'base64'],
    ['an empty base64 on assignments:import', 'assignments:import', { base64: '' }, 'base64'],
    ['a base64 over 64 MiB', 'receipts:import', { base64: 'A'.repeat(64 * 1024 * 1024 + 1) }, 'base64'],
    [
      'an assignment over 120 MiB of base64',
      'assignments:import',
      { base64: 'A'.repeat(120 * 1024 * 1024 + 1) },
      'base64',
    ],
    ['base64 that is not a string', 'assignments:repin', { base64: 42 }, 'base64'],
    ['an extra key on assignments:repin', 'assignments:repin', { base64: 'AAAA', force: true }, 'force'],
    ['an extra key on office:pin', 'office:pin', { reset: true }, 'reset'],
    ['an extra key on demo:assignment', 'demo:assignment', { expert: 'x' }, 'expert'],
    [
      'an upper-case hash on materials:read',
      'materials:read',
      { assignmentId: 'a', sha256: 'AB'.repeat(32) },
      'sha256',
    ],
    [
      'an evidence file over 64 MiB of base64',
      'evidence:add',
      {
        assignmentId: 'a',
        name: 'p.jpg',
        mediaType: 'image/jpeg',
        base64: 'A'.repeat(Math.ceil((64 * 1024 * 1024) / 3) * 4 + 4),
      },
      'base64',
    ],
    [
      'an evidence file without a name',
      'evidence:add',
      { assignmentId: 'a', mediaType: 'image/jpeg', base64: 'AAAA' },
      'name',
    ],
    ['a short hash on evidence:read', 'evidence:read', { sha256: 'ab' }, 'sha256'],
    ['an empty file on office:material-add', 'office:material-add', { name: 'a.pdf', base64: '' }, 'base64'],
    ['an extra key on office:attachment-read', 'office:attachment-read', { sha256: 'ab'.repeat(32), all: true }, 'all'],
  ] as const)('answers %s with E_BAD_REQUEST and a detail naming the culprit', async (_, channel, input, culprit) => {
    const handlers = fakeHandlers();
    const error = errorOf(await createDispatch(handlers)(channel, input));
    expect(error.code).toBe('E_BAD_REQUEST');
    expect(error.params?.detail).toEqual(expect.stringContaining(culprit));
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('names at most three issues in the detail', async () => {
    const input = { id: 1, a: 1, b: 2, c: 3, d: 4 };
    const error = errorOf(await createDispatch(fakeHandlers())('criteria:get', input));
    expect(String(error.params?.detail).split('; ').length).toBeLessThanOrEqual(3);
  });
});

describe('dispatch of a valid request', () => {
  it('passes the validated request to the handler of that channel only', async () => {
    const handlers = fakeHandlers();
    const result = await createDispatch(handlers)('criteria:get', { id: 'gbt19580-2012' });
    expect(result).toEqual({ ok: true, value: criteria });
    expect(handlers['criteria:get']).toHaveBeenCalledExactlyOnceWith({ id: 'gbt19580-2012' });
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('returns each channel’s correct response as a success', async () => {
    const dispatch = createDispatch(fakeHandlers());
    expect(await dispatch('app:info', {})).toEqual({ ok: true, value: appInfo });
    expect(await dispatch('criteria:list', {})).toEqual({ ok: true, value: [] });
    expect(await dispatch('demo:get', {})).toEqual({ ok: true, value: demo });
    expect(await dispatch('identity:status', {})).toEqual({ ok: true, value: status });
    expect(await dispatch('settings:set-idle-minutes', { idleMinutes: 15 })).toEqual({ ok: true, value: status });
    expect(await dispatch('enrollment:export', {})).toEqual({ ok: true, value: exported });
    expect(await dispatch('assignments:import', { base64: 'AAAA' })).toEqual({ ok: true, value: imported });
    expect(await dispatch('assignments:repin', { base64: 'AAAA' })).toEqual({
      ok: true,
      value: { ...imported, pinned: 'new' },
    });
    expect(await dispatch('office:pin', {})).toEqual({ ok: true, value: pin });
    expect(await dispatch('demo:assignment', {})).toEqual({ ok: true, value: { base64: 'U0NPUkU=' } });
  });

  it('has a handler for each of the contract’s 46 channels', () => {
    expect(Object.keys(fakeHandlers()).sort()).toEqual([...channels].sort());
    expect(channels).toHaveLength(46);
  });
});

describe('dispatch of a handler that throws', () => {
  it.each([
    ['rejects with an Error', () => Promise.reject(new Error('disk on fire')), 'disk on fire'],
    [
      'throws an Error synchronously',
      () => {
        throw new Error('sync boom');
      },
      'sync boom',
    ],
    ['rejects with a string', () => Promise.reject('plain string'), 'plain string'],
    [
      'throws a number',
      () => {
        throw 404;
      },
      '404',
    ],
  ] as const)('answers with E_INTERNAL (never throws) when the handler %s', async (_, behaviour, detail) => {
    const dispatch = createDispatch(fakeHandlers({ 'app:info': untyped(behaviour) }));
    const error = errorOf(await dispatch('app:info', {}));
    expect(error.code).toBe('E_INTERNAL');
    expect(error.params).toEqual({ detail });
  });

  it('answers with E_INTERNAL when a channel has no handler at all', async () => {
    const withoutDemo = Object.fromEntries(Object.entries(fakeHandlers()).filter(([name]) => name !== 'demo:get'));
    const error = errorOf(await createDispatch(withoutDemo as unknown as Handlers)('demo:get', {}));
    expect(error.code).toBe('E_INTERNAL');
  });
});

describe('dispatch of a handler whose response breaks the contract', () => {
  it.each([
    ['app:info', 'misses fields', { name: 'Scorebook' }],
    ['app:info', 'has an unknown transport', { ...appInfo, transport: 'carrier-pigeon' }],
    ['app:info', 'has an extra key on a strict schema', { ...appInfo, secret: 'private key' }],
    ['criteria:list', 'is not an array', { id: 'x' }],
    ['criteria:list', 'has a malformed entry', [{ id: 1 }]],
    ['criteria:get', 'is not a criteria file', { ...criteria, format: 'scorebook.criteria/0' }],
    ['demo:get', 'is null', null],
    ['identity:status', 'has an unknown state', { ...status, state: 'open' }],
    ['identity:status', 'carries key material', { ...status, privateKey: 'AAAA' }],
    ['identity:unlock', 'has a fingerprint that is not hex', { ...status, fingerprint: 'zz' }],
    ['assignments:import', 'has an unknown pin state', { ...imported, pinned: 'maybe' }],
    ['assignments:import', 'has a payload that is not an assignment', { ...imported, payload: { kind: 'sheet' } }],
    ['assignments:repin', 'has an upper-case office fingerprint', { ...imported, officeFingerprint: 'CD'.repeat(32) }],
    ['office:pin', 'carries an extra key', { ...pin, publicKey: 'AAAA' }],
    ['office:pin', 'has a malformed history entry', { ...pin, history: [{ fingerprint }] }],
    ['demo:assignment', 'has no base64', {}],
  ] as const)('answers %s that %s with E_BAD_RESPONSE naming the channel', async (channel, _, value) => {
    const dispatch = createDispatch(fakeHandlers({ [channel]: untyped(async () => ok(value)) }));
    const input =
      channel === 'criteria:get'
        ? { id: 'x' }
        : channel === 'identity:unlock'
          ? { passphrase: 'p' }
          : channel === 'assignments:import' || channel === 'assignments:repin'
            ? { base64: 'AAAA' }
            : {};
    const error = errorOf(await dispatch(channel, input));
    expect(error.code).toBe('E_BAD_RESPONSE');
    expect(error.params).toEqual({ channel });
  });
});

describe('dispatch of a handler that fails', () => {
  it('passes the handler’s error Result through unchanged', async () => {
    const failure = fail('E_CRITERIA_INVALID', 'The criteria file “x.json” is invalid: oops', {
      file: 'x.json',
      problem: '问题',
      problemEn: 'oops',
    });
    const dispatch = createDispatch(fakeHandlers({ 'criteria:get': async () => failure }));
    expect(await dispatch('criteria:get', { id: 'x' })).toStrictEqual(failure);
  });
});

describe('dispatch under arbitrary input (property)', () => {
  const channelArbitrary = fc.oneof(fc.string(), fc.constantFrom(...channels, '__proto__', 'constructor'));
  const inputArbitrary = fc.oneof(
    fc.jsonValue(),
    fc.record({ id: fc.jsonValue() }, { requiredKeys: [] }),
    fc.constant(undefined),
  );

  it('never throws and always yields a Result whose error code is a known code', async () => {
    const dispatch = createDispatch(fakeHandlers());
    await fc.assert(
      fc.asyncProperty(channelArbitrary, inputArbitrary, async (channel, input) => {
        const result = await dispatch(channel, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(errorCodes).toContain(result.error.code);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws even when every handler throws', async () => {
    const throwing = untyped(() => {
      throw new Error('always');
    });
    const dispatch = createDispatch(
      fakeHandlers(Object.fromEntries(channels.map((channel) => [channel, throwing])) as Partial<Handlers>),
    );
    await fc.assert(
      fc.asyncProperty(channelArbitrary, inputArbitrary, async (channel, input) => {
        const result = await dispatch(channel, input);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
