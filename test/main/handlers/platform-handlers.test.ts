import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/handlers/create-handlers';
import { createDispatch, type Dispatch } from '../../../src-main/handlers/dispatch';
import type { PlatformServices } from '../../../src-main/handlers/platform';
import { createQuickUnlock } from '../../../src-main/services/quick-unlock';
import { secureRandom } from '../../../src-main/services/secure-random';
import { contract } from '../../../src-shared/contract/channels';
import type { ConfirmRequest } from '../../../src-shared/contract/platform-schemas';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { utf8Encode } from '../../../src-shared/packages/bytes';
import { resetElectronDouble, safeStorage } from '../../doubles/electron';
import { errorOf, valueOf } from './expert-world';
import { shippedResourcesDir } from './temp-resources';

const kdf = { N: 2 ** 10, r: 8, p: 1 };
const pass = 'correct horse battery';
const profile = { name: '李四', workUnit: '新疆质量协会', title: '', phone: '', fields: [] };
const quickStatus = contract['identity:quick-unlock-status'].response;
const identityStatus = contract['identity:status'].response;

let dataDir: string;
let usb: string;
let asked: ConfirmRequest[];
let answer: boolean;
let chosen: string | undefined;

function start(platform: PlatformServices): Dispatch {
  return createDispatch(
    createHandlers({
      resourcesDir: shippedResourcesDir,
      dataDir,
      transport: 'electron',
      appVersion: '1.2.3',
      now: Date.now,
      random: secureRandom,
      kdf,
      platform,
    }),
  );
}

function desktop(): Dispatch {
  return start({
    confirm: async (request) => {
      asked.push(request);
      return answer;
    },
    chooseFolder: async () => chosen,
    quickUnlock: createQuickUnlock({ safeStorage, platform: 'linux', userDataDir: dataDir }),
  });
}

beforeEach(async () => {
  resetElectronDouble();
  dataDir = await mkdtemp(join(tmpdir(), 'scorebook-platform-'));
  usb = join(dataDir, 'usb');
  await mkdir(usb);
  asked = [];
  answer = true;
  chosen = usb;
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('the native confirmation dialog', () => {
  it('asks main’s dialog with the page’s words and answers what the expert chose', async () => {
    const dispatch = desktop();
    const request = {
      title: '确认签名提交',
      message: '提交评分表？',
      detail: '总分 550',
      confirmLabel: '签名并提交',
      cancelLabel: '取消',
    };
    expect(valueOf(await dispatch('dialog:confirm', request))).toEqual({ confirmed: true });
    answer = false;
    expect(valueOf(await dispatch('dialog:confirm', request))).toEqual({ confirmed: false });
    expect(asked).toEqual([request, request]);
  });
});

describe('saving package files into a chosen folder', () => {
  const file = (fileName: string, text: string) => ({ fileName, base64: encodeBase64(utf8Encode(text)) });

  it('writes each file, never replaces one, and counts the same bytes again as written', async () => {
    const dispatch = desktop();
    const first = await dispatch('files:save-to-folder', {
      title: '导出',
      files: [file('a.qapkg', 'A'), file('b.qapkg', 'B')],
    });
    expect(valueOf(first)).toEqual({ folder: usb, written: ['a.qapkg', 'b.qapkg'] });
    const again = await dispatch('files:save-to-folder', {
      title: '导出',
      files: [file('a.qapkg', 'A'), file('b.qapkg', 'other')],
    });
    expect(valueOf(again)).toEqual({ folder: usb, written: ['a.qapkg', 'b (2).qapkg'] });
    expect((await readdir(usb)).sort()).toEqual(['a.qapkg', 'b (2).qapkg', 'b.qapkg']);
    expect(await readFile(join(usb, 'b.qapkg'), 'utf8')).toBe('B');
    expect(await readFile(join(usb, 'b (2).qapkg'), 'utf8')).toBe('other');
  });

  it('writes nothing when the expert cancels, and refuses a name that is not a plain file name', async () => {
    const dispatch = desktop();
    chosen = undefined;
    expect(valueOf(await dispatch('files:save-to-folder', { title: '导出', files: [file('a.qapkg', 'A')] }))).toEqual({
      folder: null,
      written: [],
    });
    chosen = usb;
    const escape = await dispatch('files:save-to-folder', { title: '导出', files: [file('../a.qapkg', 'A')] });
    expect(errorOf(escape).code).toBe('E_BAD_REQUEST');
    expect(await readdir(usb)).toEqual([]);
  });

  it('reports a folder it cannot write to', async () => {
    const dispatch = desktop();
    chosen = join(usb, 'missing');
    const result = await dispatch('files:save-to-folder', { title: '导出', files: [file('a.qapkg', 'A')] });
    expect(errorOf(result).code).toBe('E_STORAGE_WRITE');
  });
});

describe('quick unlock through the OS keychain', () => {
  async function quick(dispatch: Dispatch) {
    return quickStatus.parse(valueOf(await dispatch('identity:quick-unlock-status', {})));
  }

  it('remembers the passphrase only once it opens the key file, unlocks with it, and follows a change of passphrase', async () => {
    const dispatch = desktop();
    valueOf(await dispatch('identity:create', { profile, passphrase: pass }));
    expect(await quick(dispatch)).toEqual({ available: true, reason: null, stored: false });
    expect(errorOf(await dispatch('identity:quick-unlock-enable', { passphrase: 'wrong passphrase' })).code).toBe(
      'E_PASSPHRASE_WRONG',
    );
    expect((await quick(dispatch)).stored).toBe(false);
    expect(quickStatus.parse(valueOf(await dispatch('identity:quick-unlock-enable', { passphrase: pass })))).toEqual({
      available: true,
      reason: null,
      stored: true,
    });
    // No plaintext on disk.
    expect((await readFile(join(dataDir, 'quick-unlock.bin'))).includes(Buffer.from(pass))).toBe(false);

    valueOf(await dispatch('identity:lock', {}));
    expect(identityStatus.parse(valueOf(await dispatch('identity:quick-unlock', {}))).state).toBe('unlocked');

    valueOf(await dispatch('identity:change-passphrase', { oldPassphrase: pass, newPassphrase: `${pass} 2` }));
    valueOf(await dispatch('identity:lock', {}));
    expect(identityStatus.parse(valueOf(await dispatch('identity:quick-unlock', {}))).state).toBe('unlocked');

    expect((await quick(desktop())).stored).toBe(true);
    valueOf(await dispatch('identity:quick-unlock-disable', {}));
    expect((await quick(dispatch)).stored).toBe(false);
    valueOf(await dispatch('identity:lock', {}));
    const none = errorOf(await dispatch('identity:quick-unlock', {}));
    expect(none).toMatchObject({ code: 'E_QUICK_UNLOCK', params: { reason: 'not-stored' } });
  });

  it('refuses Linux’s basic_text store, and says why', async () => {
    const dispatch = desktop();
    valueOf(await dispatch('identity:create', { profile, passphrase: pass }));
    safeStorage.backend = 'basic_text';
    expect(await quick(dispatch)).toEqual({ available: false, reason: 'insecure-backend', stored: false });
    const refused = errorOf(await dispatch('identity:quick-unlock-enable', { passphrase: pass }));
    expect(refused).toMatchObject({ code: 'E_QUICK_UNLOCK', params: { reason: 'insecure-backend' } });
    await expect(readFile(join(dataDir, 'quick-unlock.bin'))).rejects.toThrow();
  });

  it('forgets a stored copy that no longer opens the key file', async () => {
    const dispatch = desktop();
    valueOf(await dispatch('identity:create', { profile, passphrase: pass }));
    const store = createQuickUnlock({ safeStorage, platform: 'linux', userDataDir: dataDir });
    valueOf(await store.store('an old passphrase'));
    valueOf(await dispatch('identity:lock', {}));
    expect(errorOf(await dispatch('identity:quick-unlock', {})).code).toBe('E_PASSPHRASE_WRONG');
    expect(await store.isStored()).toBe(false);
  });

  it('is not offered by the web host', async () => {
    const dispatch = start({});
    expect(await quick(dispatch)).toEqual({ available: false, reason: 'web', stored: false });
    await writeFile(join(dataDir, 'quick-unlock.bin'), 'x');
    expect(errorOf(await dispatch('identity:quick-unlock', {})).code).toBe('E_NOT_AVAILABLE');
  });
});
