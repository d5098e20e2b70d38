import * as nodeCrypto from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { additionalData, kdfDefaults, type KeyFile } from '../../../src-main/services/key-file';
import type { ExpertProfile } from '../../../src-shared/packages/payload-schemas';
import { createKeyStore, unlockDelaySeconds, type KeyStore } from '../../../src-main/services/key-store';
import { createSecretFile, type SecretFile } from '../../../src-main/services/secret-file';
import type { AppError, Result } from '../../../src-shared/contract/result';

// scrypt stays the real one, wrapped so the tests can count derivations (the throttle must not run it).
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof nodeCrypto>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});
const scryptCalls = (): number => vi.mocked(nodeCrypto.scrypt).mock.calls.length;

/** N = 2^10 keeps each derivation around a millisecond; the store takes it as a parameter like any other. */
const kdf = { N: 2 ** 10, r: 8, p: 1 };
const pass = 'correct horse battery';
const profile: ExpertProfile = {
  name: '张三',
  workUnit: '新疆质量协会',
  title: '高级工程师',
  phone: '+86 991-1234567',
  fields: ['制造业', '服务业'],
};
const subtle = globalThis.crypto.subtle;
const b64 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(text, 'base64'));

let dir: string;
let path: string;
let clock: number;
let store: KeyStore;
const newStore = (file: SecretFile = createSecretFile(path)): KeyStore =>
  createKeyStore({ file, fileName: 'keys.json', now: () => clock, sleep: async () => undefined, kdf });
const readJson = async (): Promise<KeyFile> => JSON.parse(await readFile(path, 'utf8')) as KeyFile;
const writeJson = (file: unknown): Promise<void> => writeFile(path, JSON.stringify(file));
const errorOf = <T>(result: Result<T>): AppError | undefined => (result.ok ? undefined : result.error);
const code = <T>(result: Result<T>): string => errorOf(result)?.code ?? 'ok';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-key-store-'));
  path = join(dir, 'keys.json');
  clock = 1_000_000;
  store = newStore();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

describe('without a key file', () => {
  it('reports none, E_NO_PROFILE on unlock, E_LOCKED for keys', async () => {
    expect(await store.status()).toEqual({ state: 'none' });
    expect(code(await store.unlock(pass))).toBe('E_NO_PROFILE');
    expect(code(await store.sign(new Uint8Array([1])))).toBe('E_LOCKED');
    expect(code(await store.withReceivingKey(async () => 1))).toBe('E_LOCKED');
  });

  it('refuses a passphrase under 10 characters (counted as characters, not bytes) and writes nothing', async () => {
    expect(errorOf(await store.create('expert', profile, '123456789'))).toMatchObject({
      code: 'E_PASSPHRASE_WEAK',
      params: { min: 10 },
    });
    await expect(readFile(path)).rejects.toThrow();
    expect(code(await store.create('expert', profile, '评审专家的十字口令啊'))).toBe('ok');
  });

  it('refuses an invalid profile with E_BAD_REQUEST', async () => {
    expect(code(await store.create('expert', { ...profile, phone: 'call me' }, pass))).toBe('E_BAD_REQUEST');
    expect(code(await store.create('expert', { ...profile, name: '' }, pass))).toBe('E_BAD_REQUEST');
  });

  it('stays without keys when the file cannot be written', async () => {
    const failing: SecretFile = {
      read: async () => ({ ok: true, value: undefined }),
      write: async () => ({ ok: false, error: { code: 'E_STORAGE_WRITE', message: 'disk full' } }),
    };
    const s = newStore(failing);
    expect(code(await s.create('expert', profile, pass))).toBe('E_STORAGE_WRITE');
    expect(await s.status()).toEqual({ state: 'none' });
    expect(code(await s.sign(new Uint8Array([1])))).toBe('E_LOCKED');
  });
});

describe('create', () => {
  it('is unlocked afterwards, with fingerprint = hex SHA-256 of the raw Ed25519 public key', async () => {
    const created = await store.create('expert', profile, pass);
    expect(created.ok && created.value).toMatchObject({ state: 'unlocked', role: 'expert', profile });
    const status = await store.status();
    const digest = await subtle.digest('SHA-256', new Uint8Array(status.signingPublicKey ?? []));
    expect(status.fingerprint).toBe(Buffer.from(digest).toString('hex'));
    expect(status.signingPublicKey).toHaveLength(32);
    expect(status.receivingPublicKey).toHaveLength(32);
  });

  it('writes the documented format, with the private keys only inside the ciphertext', async () => {
    await store.create('expert', profile, pass);
    const file = await readJson();
    expect(Object.keys(file).sort()).toEqual(['format', 'kdf', 'profile', 'receiving', 'role', 'signing', 'wrapped']);
    expect(Object.keys(file.wrapped).sort()).toEqual(['alg', 'ciphertext', 'iv']);
    expect(file).toMatchObject({ format: 'scorebook.keyfile/1', role: 'expert', profile });
    expect(file.kdf).toMatchObject({ name: 'scrypt', N: 1024, r: 8, p: 1, dkLen: 32 });
    expect(b64(file.kdf.salt)).toHaveLength(16);
    expect(b64(file.wrapped.iv)).toHaveLength(12);
    // AAD: the canonical public part, keys sorted.
    expect(new TextDecoder().decode(additionalData(file))).toMatch(/^\{"format":"scorebook\.keyfile\/1","kdf":\{"N"/);

    // Decrypting as the spec says, independently of the store: the right passphrase opens it...
    const aesKey = async (passphrase: string) =>
      subtle.importKey(
        'raw',
        new Uint8Array(nodeCrypto.scryptSync(passphrase, b64(file.kdf.salt), 32, { N: 1024, r: 8, p: 1 })),
        'AES-GCM',
        false,
        ['decrypt'],
      );
    const decrypt = async (key: CryptoKey) =>
      subtle.decrypt(
        { name: 'AES-GCM', iv: b64(file.wrapped.iv), additionalData: additionalData(file) },
        key,
        b64(file.wrapped.ciphertext),
      );
    const secrets = JSON.parse(new TextDecoder().decode(await decrypt(await aesKey(pass)))) as Record<string, string>;
    expect(Object.keys(secrets).sort()).toEqual(['receivingPrivateRaw', 'signingPkcs8']);
    expect(b64(secrets.receivingPrivateRaw ?? '')).toHaveLength(32);
    // ...the file text holds neither private key in clear...
    const text = await readFile(path, 'utf8');
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    // ...and any other key fails authentication.
    await expect(decrypt(await aesKey('wrong passphrase!'))).rejects.toThrow();
    const random = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['decrypt']);
    await expect(decrypt(random)).rejects.toThrow();
  });

  it('refuses scrypt parameters it could not read back, writing nothing', async () => {
    const s = createKeyStore({
      file: createSecretFile(path),
      fileName: 'k',
      now: () => clock,
      sleep: async () => undefined,
      kdf: { N: 3, r: 8, p: 1 },
    });
    expect(code(await s.create('expert', profile, pass))).toBe('E_INTERNAL');
    await expect(readFile(path)).rejects.toThrow();
  });

  it('supports the office role', async () => {
    const created = await store.create('office', { name: '乌鲁木齐市政府质量奖办公室' }, pass);
    expect(created.ok && created.value.role).toBe('office');
  });

  it('uses the documented scrypt defaults (OWASP: N = 2^17, r = 8, p = 1) unless told otherwise', () => {
    expect(kdfDefaults).toEqual({ N: 131072, r: 8, p: 1 });
  });

  it('imports the Ed25519 private key as non-extractable', async () => {
    const importKey = vi.spyOn(subtle, 'importKey');
    await store.create('expert', profile, pass);
    const pkcs8Imports = importKey.mock.calls.filter(
      ([format, , algorithm]) => format === 'pkcs8' && algorithm === 'Ed25519',
    );
    expect(pkcs8Imports.length).toBeGreaterThan(0);
    for (const call of pkcs8Imports) expect(call[3]).toBe(false);
  });
});

describe('lock and unlock', () => {
  beforeEach(async () => {
    await store.create('expert', profile, pass);
  });

  it('refuses to sign when locked; signs after unlock with a signature the file’s public key verifies', async () => {
    store.lock();
    expect((await store.status()).state).toBe('locked');
    expect(code(await store.sign(new Uint8Array([1])))).toBe('E_LOCKED');
    const fresh = newStore(); // as after a restart
    expect((await fresh.unlock(pass)).ok).toBe(true);
    const message = new TextEncoder().encode('评分表');
    const signature = await fresh.sign(message);
    const publicKey = await subtle.importKey('raw', b64((await readJson()).signing.publicKey), 'Ed25519', false, [
      'verify',
    ]);
    expect(signature.ok && (await subtle.verify('Ed25519', publicKey, signature.value, message))).toBe(true);
  });

  it('lends a copy of the X25519 private key that matches the file’s public key, zeroed after use', async () => {
    let lent: Uint8Array = new Uint8Array();
    const result = await store.withReceivingKey(async (raw) => {
      lent = raw;
      const prefix = Buffer.from('302e020100300506032b656e04220420', 'hex');
      const key = await subtle.importKey(
        'pkcs8',
        new Uint8Array(Buffer.concat([prefix, raw])),
        { name: 'X25519' },
        true,
        ['deriveBits'],
      );
      const jwk = await subtle.exportKey('jwk', key);
      return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
    });
    expect(result).toEqual({ ok: true, value: (await readJson()).receiving.publicKey });
    expect(lent.every((byte) => byte === 0)).toBe(true);
    expect(code(await store.withReceivingKey(async () => Promise.reject(new Error('boom'))))).toBe('E_INTERNAL');
  });

  it('grows the delay after wrong passphrases: 0, 0, 2, 4, 8, 16, 30, 30 s; a success resets it', async () => {
    store.lock();
    const delays: unknown[] = [];
    for (let i = 0; i < 8; i += 1) {
      const result = await store.unlock('wrong passphrase');
      expect(code(result)).toBe('E_PASSPHRASE_WRONG');
      const seconds = result.ok ? -1 : Number(result.error.params?.seconds);
      delays.push(seconds);
      clock += seconds * 1000;
    }
    expect(delays).toEqual([0, 0, 2, 4, 8, 16, 30, 30]);
    expect(code(await store.unlock(pass))).toBe('ok');
    expect(errorOf(await store.unlock('wrong again!'))?.params).toEqual({ seconds: 0 });
  });

  it('answers E_THROTTLED with the seconds left, without running scrypt, even for the right passphrase', async () => {
    store.lock();
    for (let i = 0; i < 3; i += 1) await store.unlock('wrong passphrase');
    const before = scryptCalls();
    expect(before).toBeGreaterThan(0); // the spy does see derivations
    clock += 500;
    expect(errorOf(await store.unlock(pass))).toMatchObject({ code: 'E_THROTTLED', params: { seconds: 2 } });
    clock += 1000;
    expect(errorOf(await store.unlock(pass))).toMatchObject({ code: 'E_THROTTLED', params: { seconds: 1 } });
    expect(scryptCalls()).toBe(before);
    clock += 500;
    expect(code(await store.unlock(pass))).toBe('ok');
  });

  it('serialises concurrent attempts, so parallel guesses cannot slip past the throttle', async () => {
    store.lock();
    const results = await Promise.all([1, 2, 3, 4].map(() => store.unlock('wrong passphrase')));
    expect(results.map(code)).toEqual([
      'E_PASSPHRASE_WRONG',
      'E_PASSPHRASE_WRONG',
      'E_PASSPHRASE_WRONG',
      'E_THROTTLED',
    ]);
  });

  it('reads the key file once', async () => {
    const file = createSecretFile(path);
    const read = vi.spyOn(file, 'read');
    const s = newStore(file);
    await s.status();
    await s.status();
    await s.unlock(pass);
    expect(read).toHaveBeenCalledTimes(1);
  });
});

describe('changePassphrase', () => {
  beforeEach(async () => {
    await store.create('expert', profile, pass);
  });

  it('re-wraps under the new passphrase with a fresh salt and IV; the key pairs stay', async () => {
    const before = await readJson();
    expect(code(await store.changePassphrase(pass, 'a new passphrase'))).toBe('ok');
    const after = await readJson();
    expect(after.signing).toEqual(before.signing);
    expect(after.receiving).toEqual(before.receiving);
    expect(after.kdf.salt).not.toBe(before.kdf.salt);
    expect(after.wrapped.iv).not.toBe(before.wrapped.iv);
    const fresh = newStore();
    expect(code(await fresh.unlock(pass))).toBe('E_PASSPHRASE_WRONG');
    expect(code(await fresh.unlock('a new passphrase'))).toBe('ok');
  });

  it('refuses a wrong old or a weak new passphrase and leaves the file as it was', async () => {
    const before = await readFile(path);
    expect(code(await store.changePassphrase('not the passphrase', 'a new passphrase'))).toBe('E_PASSPHRASE_WRONG');
    expect(code(await store.changePassphrase(pass, 'short'))).toBe('E_PASSPHRASE_WEAK');
    expect(await readFile(path)).toEqual(before);
  });
});

/** The same salt bytes in a non-canonical spelling: a set unused bit that Node's decoder silently drops. */
const unusedBitsSalt = (field: string): string => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const salt = field.slice(9, -1); // "salt": "…==" → …==
  const last = alphabet.indexOf(salt.charAt(21));
  return `"salt": "${salt.slice(0, 21)}${alphabet.charAt(last ^ 1)}=="`;
};

describe('a damaged or altered key file', () => {
  let valid: KeyFile;
  beforeEach(async () => {
    await store.create('expert', profile, pass);
    valid = await readJson();
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'garbage'],
    ['not UTF-8', () => new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ['an unknown field', (text: string) => JSON.stringify({ ...JSON.parse(text), extra: 1 })],
    ['an 8-byte IV', (text: string) => text.replace(/"iv": "[^"]+"/, '"iv": "AAAAAAAAAAA="')],
    ['non-canonical base64 (unused bits set)', (text: string) => text.replace(/"salt": "[^"]+"/, unusedBitsSalt)],
    ['a fingerprint of another key', (text: string) => text.replace(/"fingerprint": "./, '"fingerprint": "x')],
  ])('%s → E_KEY_FILE_CORRUPT naming the file; create refuses to overwrite it', async (_name, damage) => {
    await writeFile(path, damage(await readFile(path, 'utf8')));
    const damaged = await readFile(path);
    const s = newStore();
    expect(await s.status()).toEqual({ state: 'corrupt' });
    expect(errorOf(await s.unlock(pass))).toMatchObject({ code: 'E_KEY_FILE_CORRUPT', params: { file: 'keys.json' } });
    expect(code(await s.create('expert', profile, pass))).toBe('E_PROFILE_EXISTS');
    expect(await readFile(path)).toEqual(damaged);
  });

  // A ciphertext that fails authentication under the right key is indistinguishable from a wrong passphrase
  // (AES-GCM gives one failure for both), so it is reported as E_PASSPHRASE_WRONG; only a file that does not
  // parse is E_KEY_FILE_CORRUPT.
  it('a flipped byte in the ciphertext fails like a wrong passphrase', async () => {
    const bytes = b64(valid.wrapped.ciphertext);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await writeJson({ ...valid, wrapped: { ...valid.wrapped, ciphertext: Buffer.from(bytes).toString('base64') } });
    expect(code(await newStore().unlock(pass))).toBe('E_PASSPHRASE_WRONG');
  });

  it('a profile or public key swapped in under the same ciphertext does not unlock (AAD binding)', async () => {
    const other = await subtle.generateKey('Ed25519', true, ['sign', 'verify']);
    const otherRaw = new Uint8Array(await subtle.exportKey('raw', other.publicKey));
    const otherSigning = {
      publicKey: Buffer.from(otherRaw).toString('base64'),
      fingerprint: Buffer.from(await subtle.digest('SHA-256', otherRaw)).toString('hex'),
    };
    const swaps = [
      { ...valid, profile: { ...profile, name: '李四' } },
      { ...valid, signing: otherSigning },
      { ...valid, receiving: { publicKey: Buffer.alloc(32, 9).toString('base64') } },
    ];
    for (const swapped of swaps) {
      await writeJson(swapped);
      expect(code(await newStore().unlock(pass))).toBe('E_PASSPHRASE_WRONG');
    }
  });

  it('an unlock of the untouched file still works (the test’s control)', async () => {
    await writeJson(valid);
    expect(code(await newStore().unlock(pass))).toBe('ok');
  });
});

describe('unlockDelaySeconds', () => {
  it('follows 0, 0, 2, 4, 8, 16, then 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map(unlockDelaySeconds)).toEqual([0, 0, 2, 4, 8, 16, 30, 30, 30]);
  });
});
