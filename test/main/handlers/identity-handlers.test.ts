import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { channels, contract, identityStatusSchema, type IdentityStatus } from '../../../src-shared/contract/channels';
import type { AppError, Result } from '../../../src-shared/contract/result';
import { decodeBase64Strict } from '../../../src-shared/packages/base64';
import { unpackContainer } from '../../../src-shared/packages/container';
import { parseEnvelope } from '../../../src-shared/packages/dsse';
import { openPackage } from '../../../src-shared/packages/open-package';
import { enrollmentPayloadSchema, type ExpertProfile } from '../../../src-shared/packages/payload-schemas';
import { isSealed } from '../../../src-shared/packages/seal';
import { emptyStageWork } from '../../../src-shared/stages/stage-work';
import { completeSheetItems } from './complete-sheet';
import { startApp } from './expert-world';

const pass = 'correct horse battery';
const profile: ExpertProfile = {
  name: '张三 / Zhang',
  workUnit: '新疆质量协会',
  title: '高级工程师',
  phone: '+86 991-1234567',
  fields: ['制造业'],
};

let dataDir: string;
let clock: number;

/** The real handlers over `dataDir`, bound through the real dispatch (request and response schemas checked). */
function start(): Dispatch {
  return startApp(dataDir, () => clock);
}

async function status(dispatch: Dispatch): Promise<IdentityStatus> {
  return identityStatusSchema.parse(valueOf(await dispatch('identity:status', {})));
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function errorOf(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const exportSchema = contract['enrollment:export'].response;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scorebook-identity-'));
  clock = Date.UTC(2025, 2, 14, 9, 30, 0, 123);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

describe('without a key file', () => {
  it('reports none with the default idle minutes, and E_NO_PROFILE for unlock and export', async () => {
    const dispatch = start();
    expect(await status(dispatch)).toEqual({
      state: 'none',
      role: null,
      profile: null,
      officeName: null,
      fingerprint: null,
      idleMinutes: 15,
    });
    expect(errorOf(await dispatch('identity:unlock', { passphrase: pass })).code).toBe('E_NO_PROFILE');
    expect(errorOf(await dispatch('enrollment:export', {})).code).toBe('E_NO_PROFILE');
    expect(valueOf(await dispatch('identity:lock', {}))).toMatchObject({ state: 'none' });
  });

  it('refuses a weak passphrase with E_PASSPHRASE_WEAK and writes no key file', async () => {
    const error = errorOf(await start()('identity:create', { profile, passphrase: 'short' }));
    expect(error).toMatchObject({ code: 'E_PASSPHRASE_WEAK', params: { min: 10 } });
    expect(await readdir(dataDir)).not.toContain('keys.json');
  });
});

describe('the office role', () => {
  it('makes this installation the office workstation, with its own keys and name, and no expert actions', async () => {
    const dispatch = start();
    const name = '乌鲁木齐市质量奖评审办公室';
    const created = identityStatusSchema.parse(
      valueOf(await dispatch('identity:create-office', { name, passphrase: pass })),
    );
    expect(created).toMatchObject({ state: 'unlocked', role: 'office', profile: null, officeName: name });
    expect(created.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(errorOf(await dispatch('identity:create', { profile, passphrase: pass })).code).toBe('E_PROFILE_EXISTS');
    // An office signs no enrollment and takes no assignment.
    expect(errorOf(await dispatch('enrollment:export', {})).code).toBe('E_NO_PROFILE');
    expect(errorOf(await dispatch('demo:assignment', {})).code).toBe('E_NO_PROFILE');
    // Locked and unlocked again, it is still the office.
    valueOf(await dispatch('identity:lock', {}));
    const again = identityStatusSchema.parse(valueOf(await start()('identity:unlock', { passphrase: pass })));
    expect(again).toMatchObject({
      state: 'unlocked',
      role: 'office',
      officeName: name,
      fingerprint: created.fingerprint,
    });
  });

  it('refuses a blank office name and a weak passphrase, writing nothing', async () => {
    expect(errorOf(await start()('identity:create-office', { name: '   ', passphrase: pass })).code).toBe(
      'E_BAD_REQUEST',
    );
    expect(errorOf(await start()('identity:create-office', { name: '办公室', passphrase: 'short' })).code).toBe(
      'E_PASSPHRASE_WEAK',
    );
    expect(await readdir(dataDir)).not.toContain('keys.json');
  });
});

describe('create, lock, unlock', () => {
  it('create answers unlocked with the fingerprint and profile, and writes <dataDir>/keys.json', async () => {
    const created = identityStatusSchema.parse(
      valueOf(await start()('identity:create', { profile, passphrase: pass })),
    );
    expect(created).toMatchObject({ state: 'unlocked', role: 'expert', profile, officeName: null, idleMinutes: 15 });
    expect(created.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const keyFile = JSON.parse(await readFile(join(dataDir, 'keys.json'), 'utf8')) as {
      signing: { fingerprint: string };
    };
    expect(keyFile.signing.fingerprint).toBe(created.fingerprint);
  });

  it('a fresh createHandlers on the same data folder finds the identity locked', async () => {
    const created = identityStatusSchema.parse(
      valueOf(await start()('identity:create', { profile, passphrase: pass })),
    );
    expect(created.state).toBe('unlocked');
    expect(await status(start())).toEqual({ ...created, state: 'locked' });
  });

  it('a second create answers E_PROFILE_EXISTS and leaves the key file as it was', async () => {
    const dispatch = start();
    valueOf(await dispatch('identity:create', { profile, passphrase: pass }));
    const before = await readFile(join(dataDir, 'keys.json'));
    expect(errorOf(await dispatch('identity:create', { profile, passphrase: pass })).code).toBe('E_PROFILE_EXISTS');
    expect(await readFile(join(dataDir, 'keys.json'))).toEqual(before);
  });

  it('unlock with a wrong passphrase answers E_PASSPHRASE_WRONG, then E_THROTTLED; the right one unlocks', async () => {
    valueOf(await start()('identity:create', { profile, passphrase: pass }));
    const dispatch = start();
    for (let i = 0; i < 3; i += 1) {
      expect(errorOf(await dispatch('identity:unlock', { passphrase: 'wrong passphrase' })).code).toBe(
        'E_PASSPHRASE_WRONG',
      );
    }
    expect(errorOf(await dispatch('identity:unlock', { passphrase: pass }))).toMatchObject({
      code: 'E_THROTTLED',
      params: { seconds: 2 },
    });
    clock += 2000;
    expect(valueOf(await dispatch('identity:unlock', { passphrase: pass }))).toMatchObject({ state: 'unlocked' });
  });

  it('lock answers locked; export then answers E_LOCKED', async () => {
    const dispatch = start();
    valueOf(await dispatch('identity:create', { profile, passphrase: pass }));
    expect(valueOf(await dispatch('identity:lock', {}))).toMatchObject({ state: 'locked', profile });
    expect(errorOf(await dispatch('enrollment:export', {})).code).toBe('E_LOCKED');
  });

  it('change-passphrase passes the store’s codes through and re-wraps the keys under the new passphrase', async () => {
    const dispatch = start();
    const created = valueOf(await dispatch('identity:create', { profile, passphrase: pass }));
    const next = 'a brand new passphrase';
    const wrong = await dispatch('identity:change-passphrase', { oldPassphrase: 'not the one!', newPassphrase: next });
    expect(errorOf(wrong).code).toBe('E_PASSPHRASE_WRONG');
    const weak = await dispatch('identity:change-passphrase', { oldPassphrase: pass, newPassphrase: 'short' });
    expect(errorOf(weak).code).toBe('E_PASSPHRASE_WEAK');
    clock += 60_000;
    const changed = await dispatch('identity:change-passphrase', { oldPassphrase: pass, newPassphrase: next });
    expect(valueOf(changed)).toEqual(created);
    const fresh = start();
    expect(errorOf(await fresh('identity:unlock', { passphrase: pass })).code).toBe('E_PASSPHRASE_WRONG');
    expect(valueOf(await fresh('identity:unlock', { passphrase: next }))).toMatchObject({ state: 'unlocked' });
  });

  it('never puts a passphrase into a result, a file or the console', async () => {
    const secret = 'a very secret passphrase 口令';
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const warn = vi.spyOn(console, 'warn');
    const dispatch = start();
    const answers = [
      await dispatch('identity:create', { profile, passphrase: secret }),
      await dispatch('identity:unlock', { passphrase: `${secret}!` }),
      await dispatch('identity:change-passphrase', { oldPassphrase: `${secret}?`, newPassphrase: `${secret}2` }),
    ];
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain('secret passphrase');
    expect(await readFile(join(dataDir, 'keys.json'), 'utf8')).not.toContain('secret passphrase');
    expect([...log.mock.calls, ...error.mock.calls, ...warn.mock.calls]).toEqual([]);
  });
});

describe('enrollment:export', () => {
  async function exported(dispatch: Dispatch) {
    return exportSchema.parse(valueOf(await dispatch('enrollment:export', {})));
  }

  it('after unlock, gives a self-signed, unsealed enrollment package the office can open', async () => {
    valueOf(await start()('identity:create', { profile, passphrase: pass }));
    const dispatch = start();
    valueOf(await dispatch('identity:unlock', { passphrase: pass }));
    const result = await exported(dispatch);
    const file = decodeBase64Strict(result.base64) ?? new Uint8Array();
    expect(isSealed(file)).toBe(false);

    // Decode the envelope by hand to learn the key the package carries, as the office's import does.
    const container = unpackContainer(file);
    const envelope = parseEnvelope(valueOf(container).envelope);
    const carried = enrollmentPayloadSchema.parse(JSON.parse(new TextDecoder().decode(valueOf(envelope).payloadBytes)));
    const signingKey = decodeBase64Strict(carried.signingPublicKey) ?? new Uint8Array();
    const fingerprint = createHash('sha256').update(signingKey).digest('hex');

    const opened = valueOf(
      await openPackage(file, {
        maxFileBytes: 1024 * 1024,
        acceptedKinds: ['enrollment'],
        keyFor: (keyId) =>
          keyId === fingerprint ? { publicKeyRaw: signingKey, owner: carried.issuer, revoked: false } : undefined,
      }),
    );
    expect(opened.kind).toBe('enrollment');
    const payload = enrollmentPayloadSchema.parse(opened.payload);
    expect(payload).toMatchObject({
      schema: 'scorebook.enrollment/1',
      kind: 'enrollment',
      cycleId: 'enrollment',
      issuer: `expert-${fingerprint.slice(0, 16)}`,
      keyId: fingerprint,
      createdAt: '2025-03-14T09:30:00.123Z',
      app: { name: 'Scorebook', version: '1.2.3' },
      profile,
    });
    expect(decodeBase64Strict(payload.receivingPublicKey)).toHaveLength(32);
    expect(signingKey).toHaveLength(32);
    // UUIDv7: the first 48 bits are the clock.
    expect(parseInt(payload.packageId.replace(/-/g, '').slice(0, 12), 16)).toBe(clock);
    expect(result.fingerprint).toBe(fingerprint);
    expect((await status(dispatch)).fingerprint).toBe(fingerprint);
    expect(result.fileName).toBe(`enrollment-张三_Zhang-${fingerprint.slice(0, 8)}.qapkg`);
  });

  it('keeps a copy of every export in <dataDir>/outbox/, never overwriting an earlier one', async () => {
    const dispatch = start();
    valueOf(await dispatch('identity:create', { profile, passphrase: pass }));
    const first = await exported(dispatch);
    const second = await exported(dispatch);
    const names = (await readdir(join(dataDir, 'outbox'))).sort();
    expect(names).toHaveLength(2);
    for (const name of names) expect(name.endsWith(`-${first.fileName}`)).toBe(true);
    const copies = await Promise.all(names.map((name) => readFile(join(dataDir, 'outbox', name), 'base64')));
    expect(copies.sort()).toEqual([first.base64, second.base64].sort());
  });
});

describe('settings:set-idle-minutes', () => {
  it('persists the setting across createHandlers and answers with the status', async () => {
    expect(valueOf(await start()('settings:set-idle-minutes', { idleMinutes: 30 }))).toMatchObject({
      state: 'none',
      idleMinutes: 30,
    });
    expect((await status(start())).idleMinutes).toBe(30);
    expect(JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'))).toEqual({
      format: 'scorebook.settings/1',
      idleMinutes: 30,
    });
  });
});

describe('a corrupt keys.json', () => {
  const damaged = '{"format":"scorebook.keyfile/1","role":"expert", truncated';

  beforeEach(async () => {
    await writeFile(join(dataDir, 'keys.json'), damaged);
  });

  it('is reported as corrupt, refused by create, unlock and export, and never rewritten', async () => {
    const dispatch = start();
    expect(await status(dispatch)).toEqual({
      state: 'corrupt',
      role: null,
      profile: null,
      officeName: null,
      fingerprint: null,
      idleMinutes: 15,
    });
    expect(errorOf(await dispatch('identity:create', { profile, passphrase: pass })).code).toBe('E_PROFILE_EXISTS');
    expect(errorOf(await dispatch('identity:unlock', { passphrase: pass }))).toMatchObject({
      code: 'E_KEY_FILE_CORRUPT',
      params: { file: join(dataDir, 'keys.json') },
    });
    expect(errorOf(await dispatch('enrollment:export', {})).code).toBe('E_KEY_FILE_CORRUPT');
    const change = await dispatch('identity:change-passphrase', { oldPassphrase: pass, newPassphrase: `${pass}2` });
    expect(errorOf(change).code).toBe('E_KEY_FILE_CORRUPT');
    expect(await readFile(join(dataDir, 'keys.json'), 'utf8')).toBe(damaged);
  });
});

describe('dispatch of the identity channels', () => {
  const tooLong = 'x'.repeat(1001);

  it.each([
    ['identity:status', { extra: 1 }],
    ['identity:create', { profile: { ...profile, email: 'zhang@example.com' }, passphrase: pass }],
    ['identity:create', { profile: { ...profile, phone: 'call me' }, passphrase: pass }],
    ['identity:create', { profile, passphrase: tooLong }],
    ['identity:create', { profile, passphrase: pass, role: 'office' }],
    ['identity:unlock', { passphrase: tooLong }],
    ['identity:unlock', {}],
    ['identity:lock', { force: true }],
    ['identity:change-passphrase', { oldPassphrase: pass, newPassphrase: tooLong }],
    ['identity:change-passphrase', { oldPassphrase: '', newPassphrase: pass }],
    ['settings:set-idle-minutes', { idleMinutes: 0 }],
    ['settings:set-idle-minutes', { idleMinutes: 241 }],
    ['settings:set-idle-minutes', { idleMinutes: 1.5 }],
    ['enrollment:export', { office: 'x' }],
  ] as const)('refuses %s %j with E_BAD_REQUEST and writes nothing', async (channel, input) => {
    expect(errorOf(await start()(channel, input)).code).toBe('E_BAD_REQUEST');
    expect(await readdir(dataDir)).toEqual([]);
  });

  /** A valid request for each office channel (office-channels.ts); an expert's installation refuses them all. */
  const fingerprint = 'ab'.repeat(32);
  const applicant = {
    id: 'applicant-1',
    name: '新疆昆岚电气装备股份有限公司',
    uscc: '9165010671296457XA',
    district: '天山区',
    industry: '制造业',
    foundedYear: 2005,
    size: 'large',
    employees: 800,
    fourNew: false,
    summaries: [],
  };
  /** What issuing an assignment and loading the demo both send: the cycle, its rules and the stage's panel. */
  const issueFields = (id: string, zh: string, en: string, panelId: string) => ({
    cycle: {
      id,
      name: { 'zh-CN': zh, en },
      year: 2026,
      measuresVersion: '2025-11-18',
      criteriaId: 'gbt19580-2012',
      stages: ['material'],
      demo: false,
    },
    commentRules: { strengthWithEvidenceFrom: null, ofiUpTo: null },
    pledgeText: '保密承诺',
    stage: 'material',
    deadline: '2026-06-30',
    panelId,
  });
  const officeRequests: Record<string, unknown> = {
    'office:experts-list': {},
    'office:experts-import': { files: [{ name: 'enrollment.qapkg', base64: 'UEsDBA==' }] },
    'office:expert-confirm': { expertId: 'expert-abababababababab', fingerprint, confirmedBy: '王五' },
    'office:expert-update': { expertId: 'expert-abababababababab', workUnit: '新疆大学', fields: [], phone: '' },
    'office:expert-revoke': { expertId: 'expert-abababababababab', reason: '密钥遗失' },
    'office:assignment-issue': {
      ...issueFields('cycle-2026', '2026年度质量奖', '2026 Quality Award', 'panel-a'),
      expertId: 'expert-abababababababab',
      applicants: [applicant],
    },
    'office:assignments-list': { cycleId: 'cycle-2026' },
    'office:inbox-import': { files: [{ name: 'sheet.qapkg', base64: 'UEsDBA==' }] },
    'office:inbox-list': { cycleId: 'cycle-2026' },
    'office:receipts-export': { cycleId: 'cycle-2026', expertId: 'expert-abababababababab' },
    'office:sign-record': { recordType: 'consensus', record: { applicantId: 'applicant-1' } },
    'office:xlsx-read': { base64: 'UEsDBA==' },
    'office:xlsx-write': { sheetName: '申报组织', rows: [['名称']] },
    'office:demo-load': {
      ...issueFields(
        'cycle-demo',
        '示例：2026年度质量奖（虚构数据）',
        'Demo: 2026 Quality Award (fictional)',
        'panel-demo',
      ),
      applicants: [applicant],
    },
    'office:material-add': { name: '申报材料.pdf', base64: 'JVBERi0xLjQK' },
    'office:attachment-read': { sha256: 'ab'.repeat(32) },
  };

  it('answers every channel of the contract with a valid request, within the contract', async () => {
    const dispatch = start();
    const photo = new TextEncoder().encode('现场照片');
    const photoSha256 = createHash('sha256').update(photo).digest('hex');
    const requests: Record<string, unknown> = {
      'criteria:get': { id: 'gbt19580-2012' },
      'evidence:read': { sha256: photoSha256 },
      'identity:create': { profile, passphrase: pass },
      'identity:create-office': { name: '乌鲁木齐市质量奖评审办公室', passphrase: pass },
      'identity:unlock': { passphrase: pass },
      'identity:change-passphrase': { oldPassphrase: pass, newPassphrase: `${pass}!` },
      'settings:set-idle-minutes': { idleMinutes: 5 },
      'receipts:import': { base64: 'UEsDBA==' },
      'dialog:confirm': { title: '确认', message: '提交？', detail: '', confirmLabel: '提交', cancelLabel: '取消' },
      'files:save-to-folder': { title: '导出', files: [{ fileName: 'a.qapkg', base64: 'UEsDBA==' }] },
      'identity:quick-unlock-enable': { passphrase: pass },
      ...officeRequests,
    };
    const expectedRefusals: Record<string, string> = {
      // The expert's identity exists by then: an installation has one role.
      'identity:create-office': 'E_PROFILE_EXISTS',
      'receipts:import': 'E_NO_OFFICE_PIN',
      'dialog:confirm': 'E_NOT_AVAILABLE',
      'files:save-to-folder': 'E_NOT_AVAILABLE',
      'identity:quick-unlock-enable': 'E_NOT_AVAILABLE',
      'identity:quick-unlock-disable': 'E_NOT_AVAILABLE',
      'identity:quick-unlock': 'E_NOT_AVAILABLE',
      // This installation is an expert's: every office channel refuses (office-key.ts), after a valid request.
      ...Object.fromEntries(Object.keys(officeRequests).map((channel) => [channel, 'E_NOT_OFFICE'])),
    };
    // Every office channel has its request here, so none is refused as a bad request instead.
    expect(channels.filter((channel) => channel.startsWith('office:') && channel !== 'office:pin').sort()).toEqual(
      Object.keys(officeRequests).sort(),
    );
    for (const channel of channels) {
      // identity:lock comes before enrollment:export in the contract; export needs the keys unlocked.
      if (channel === 'enrollment:export') await dispatch('identity:unlock', { passphrase: `${pass}!` });
      // An assignment to import: the demo one, sealed to this expert (demo:assignment comes later in the contract).
      if (channel === 'assignments:import' || channel === 'assignments:repin') {
        const demo = await dispatch('demo:assignment', {});
        if (!demo.ok) throw new Error(`demo:assignment failed: ${demo.error.code}`);
        requests[channel] = demo.value;
      }
      const result = await dispatch(channel, requests[channel] ?? {});
      // Receipts need a pinned office key, which the demo never sets; this host has no native dialogs or keychain:
      // those answers are refusals, in the contract.
      const expected = expectedRefusals[channel] ?? 'ok';
      expect([channel, result.ok ? 'ok' : result.error.code]).toEqual([channel, expected]);
      // The imported assignment is what the status and signing channels (later in the contract) name.
      if (channel === 'assignments:import' && result.ok) {
        const { assignment } = contract['assignments:import'].response.parse(result.value).payload;
        const assignmentId = assignment.id;
        requests['assignments:status'] = { assignmentId };
        requests['packages:sign-pledge'] = { assignmentId };
        requests['packages:sign-declaration'] = {
          assignmentId,
          applicantId: assignment.applicantIds[0],
          conflict: false,
          grounds: [],
          correctionReason: null,
        };
        requests['packages:sign-sheet'] = {
          assignmentId,
          applicantId: assignment.applicantIds[0],
          items: completeSheetItems(),
          revisionReason: null,
          work: emptyStageWork(assignment.stage, null),
        };
        // The demo carries a PDF per applicant; the first applicant is declared on (above) before it is read.
        const { materials = [] } = contract['assignments:import'].response.parse(result.value).payload;
        const material = materials.find((m) => m.applicantId === assignment.applicantIds[0]);
        requests['materials:read'] = { assignmentId, sha256: material?.sha256 };
        requests['evidence:add'] = {
          assignmentId,
          name: '现场照片.jpg',
          mediaType: 'image/jpeg',
          base64: Buffer.from(photo).toString('base64'),
        };
      }
    }
  });
});
