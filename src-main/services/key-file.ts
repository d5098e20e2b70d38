import { createHash, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../src-shared/contract/result';
import { expertProfileSchema, type ExpertProfile } from '../../src-shared/packages/payload-schemas';

/**
 * The key file, format `scorebook.keyfile/1` (../shared/design/package-format.md, "Keys"): the profile and both
 * public keys in clear, the two private keys wrapped with AES-256-GCM under a key derived from the passphrase by
 * scrypt. The AAD of the encryption is the canonical public part, so a profile or public key swapped into the file
 * makes the ciphertext fail authentication instead of silently pairing foreign keys with this identity.
 */

export const keyFileFormat = 'scorebook.keyfile/1';

/**
 * scrypt N = 2^17, r = 8, p = 1: 128 MiB of memory, about 0.6 s on our test machine. This is OWASP's recommended
 * scrypt setting (Password Storage Cheat Sheet, "scrypt": N=2^17, r=8, p=1). The parameters are stored in each file,
 * so they can be raised later without breaking existing files.
 */
export const kdfDefaults: KdfParams = { N: 2 ** 17, r: 8, p: 1 };

/** Node's default scrypt memory cap is 32 MiB; N = 2^17, r = 8 needs 128 MiB (128·N·r bytes). */
const scryptMaxmem = 256 * 1024 * 1024;

export interface KdfParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** Strict base64 (the canonical form Node writes) of exactly `bytes` bytes, or of 1..`max` bytes. */
function base64Of(length: { bytes: number } | { max: number }) {
  return z.string().refine((text) => {
    const decoded = decodeBase64(text);
    if (decoded === undefined) return false;
    return 'bytes' in length ? decoded.length === length.bytes : decoded.length > 0 && decoded.length <= length.max;
  }, 'not base64 of the expected length');
}

const notBlank = (text: string): boolean => text.trim().length > 0;
const powerOfTwo = (n: number): boolean => (n & (n - 1)) === 0;

export const officeProfileSchema = z.strictObject({ name: z.string().min(1).max(100).refine(notBlank) });

export type OfficeProfile = z.infer<typeof officeProfileSchema>;
export type Role = 'expert' | 'office';
export type ProfileFor<R extends Role> = R extends 'expert' ? ExpertProfile : OfficeProfile;

const kdfSchema = z.strictObject({
  name: z.literal('scrypt'),
  // Bounds keep a damaged file from asking for gigabytes: N a power of two, 128·N·r within the memory cap.
  N: z.number().int().min(1024).max(1_048_576).refine(powerOfTwo, 'N must be a power of two'),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64Of({ bytes: 16 }),
  dkLen: z.literal(32),
});

const commonShape = {
  format: z.literal(keyFileFormat),
  signing: z.strictObject({ publicKey: base64Of({ bytes: 32 }), fingerprint: z.string().regex(/^[0-9a-f]{64}$/) }),
  receiving: z.strictObject({ publicKey: base64Of({ bytes: 32 }) }),
  kdf: kdfSchema.refine((kdf) => 128 * kdf.N * kdf.r < scryptMaxmem, 'scrypt memory above the cap'),
  wrapped: z.strictObject({
    alg: z.literal('AES-256-GCM'),
    iv: base64Of({ bytes: 12 }),
    // Two base64 keys in JSON plus the 16-byte tag: a few hundred bytes.
    ciphertext: base64Of({ max: 4096 }),
  }),
};

export const keyFileSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('expert'), profile: expertProfileSchema, ...commonShape }),
  z.strictObject({ role: z.literal('office'), profile: officeProfileSchema, ...commonShape }),
]);

export type KeyFile = z.infer<typeof keyFileSchema>;

/** The private halves, as the ciphertext carries them. */
export interface KeySecrets {
  /** Ed25519 private key, PKCS#8 (WebCrypto imports it non-extractable). */
  readonly signingPkcs8: Uint8Array;
  /** X25519 private scalar, 32 raw bytes (HPKE libraries take raw keys). */
  readonly receivingPrivateRaw: Uint8Array;
}

const secretsSchema = z.strictObject({
  signingPkcs8: base64Of({ max: 256 }),
  receivingPrivateRaw: base64Of({ bytes: 32 }),
});

/** Everything but the wrapping: what the passphrase protects the private keys under. */
export type KeyFilePublic = Pick<KeyFile, 'format' | 'signing' | 'receiving'> & {
  readonly role: Role;
  readonly profile: ExpertProfile | OfficeProfile;
};

/** Parses a key file; any failure at all (UTF-8, JSON, schema, base64, fingerprint) is E_KEY_FILE_CORRUPT. */
export function parseKeyFile(bytes: Uint8Array, fileName: string): Result<KeyFile> {
  const corrupt = (why: string): Result<KeyFile> =>
    fail('E_KEY_FILE_CORRUPT', `key file ${fileName} is corrupt: ${why}`, { file: fileName });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return corrupt('not UTF-8 JSON');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) return corrupt(parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
  const publicKey = decodeBase64(parsed.data.signing.publicKey) ?? new Uint8Array();
  if (fingerprintOf(publicKey) !== parsed.data.signing.fingerprint) return corrupt('fingerprint does not match');
  return ok(parsed.data);
}

/** The file's bytes: pretty JSON, so support staff can read the public part. */
export function serializeKeyFile(file: KeyFile): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

/** Fingerprint: lowercase hex SHA-256 of the raw Ed25519 public key (shown in groups of 4 by the UI). */
export function fingerprintOf(signingPublicRaw: Uint8Array): string {
  return createHash('sha256').update(signingPublicRaw).digest('hex');
}

/**
 * Wraps the private keys under a fresh salt and IV; returns the complete key file. Only the public fields are
 * taken from `publicPart` (a whole old file may be passed: its kdf and wrapped parts are not reused). The result
 * goes through the file schema, so parameters or a profile this version could not read back are refused here
 * (it throws; the key store turns that into E_INTERNAL and writes nothing).
 */
export async function wrapKeyFile(
  publicPart: KeyFilePublic,
  secrets: KeySecrets,
  passphrase: string,
  params: KdfParams,
): Promise<KeyFile> {
  const kdf = { name: 'scrypt', ...pick(params), salt: encodeBase64(randomBytes(16)), dkLen: 32 } as const;
  const iv = new Uint8Array(randomBytes(12));
  const key = await wrappingKey(passphrase, kdf);
  const plaintext = new TextEncoder().encode(
    JSON.stringify({
      signingPkcs8: encodeBase64(secrets.signingPkcs8),
      receivingPrivateRaw: encodeBase64(secrets.receivingPrivateRaw),
    }),
  );
  const { format, role, profile, signing, receiving } = publicPart;
  const aad = additionalData({ format, role, profile, signing, receiving, kdf });
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plaintext);
  plaintext.fill(0);
  const wrapped = { alg: 'AES-256-GCM', iv: encodeBase64(iv), ciphertext: encodeBase64(new Uint8Array(ciphertext)) };
  return keyFileSchema.parse({ format, role, profile, signing, receiving, kdf, wrapped });
}

export type UnwrapOutcome =
  { readonly ok: true; readonly secrets: KeySecrets } | { readonly ok: false; readonly reason: 'auth' | 'corrupt' };

/**
 * Unwraps the private keys. A wrong passphrase and a ciphertext (or AAD: profile, public keys, KDF parameters)
 * altered in the file are indistinguishable by design of AES-GCM: both are an authentication failure, `auth`.
 * Only a plaintext that authenticates but does not parse, or a KDF that cannot run, is `corrupt`.
 */
export async function unwrapKeyFile(file: KeyFile, passphrase: string): Promise<UnwrapOutcome> {
  let key: CryptoKey;
  try {
    key = await wrappingKey(passphrase, file.kdf);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  let plaintext: Uint8Array;
  try {
    const iv = decodeBase64(file.wrapped.iv) ?? new Uint8Array();
    const data = decodeBase64(file.wrapped.ciphertext) ?? new Uint8Array();
    const aad = additionalData(file);
    plaintext = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, data));
  } catch {
    return { ok: false, reason: 'auth' };
  }
  try {
    const parsed = secretsSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)));
    if (!parsed.success) return { ok: false, reason: 'corrupt' };
    const signingPkcs8 = decodeBase64(parsed.data.signingPkcs8);
    const receivingPrivateRaw = decodeBase64(parsed.data.receivingPrivateRaw);
    if (signingPkcs8 === undefined || receivingPrivateRaw === undefined) return { ok: false, reason: 'corrupt' };
    return { ok: true, secrets: { signingPkcs8, receivingPrivateRaw } };
  } catch {
    return { ok: false, reason: 'corrupt' };
  } finally {
    plaintext.fill(0);
  }
}

/** Fresh Ed25519 and X25519 pairs (WebCrypto), wrapped into a new key file; the caller zeroes the secrets. */
export async function generateKeyFile(
  role: Role,
  profile: ExpertProfile | OfficeProfile,
  passphrase: string,
  params: KdfParams,
): Promise<{ file: KeyFile; secrets: KeySecrets }> {
  const subtle = crypto.subtle;
  const signing = await subtle.generateKey('Ed25519', true, ['sign', 'verify']);
  const receiving = (await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as CryptoKeyPair;
  const signingPublic = new Uint8Array(await subtle.exportKey('raw', signing.publicKey));
  const secrets = {
    signingPkcs8: new Uint8Array(await subtle.exportKey('pkcs8', signing.privateKey)),
    receivingPrivateRaw: await x25519PrivateRaw(receiving.privateKey),
  };
  const publicPart = {
    format: keyFileFormat,
    role,
    profile,
    signing: { publicKey: encodeBase64(signingPublic), fingerprint: fingerprintOf(signingPublic) },
    receiving: { publicKey: encodeBase64(new Uint8Array(await subtle.exportKey('raw', receiving.publicKey))) },
  } as const;
  return { file: await wrapKeyFile(publicPart, secrets, passphrase, params), secrets };
}

/**
 * Do the unwrapped private keys belong to the file's public keys? The AAD already binds them, so this only
 * catches a faulty writer: a sign/verify round trip with the (non-extractable) signing key, and the X25519
 * public key recomputed from the scalar through a throwaway extractable import.
 */
export async function secretsMatch(file: KeyFile, signingKey: CryptoKey, receivingRaw: Uint8Array): Promise<boolean> {
  const subtle = crypto.subtle;
  const signingPublic = decodeBase64(file.signing.publicKey) ?? new Uint8Array();
  const verifier = await subtle.importKey('raw', signingPublic, 'Ed25519', false, ['verify']);
  const probe = new TextEncoder().encode('scorebook key check');
  if (!(await subtle.verify('Ed25519', verifier, await subtle.sign('Ed25519', signingKey, probe), probe))) {
    return false;
  }
  const pkcs8 = new Uint8Array([...x25519Pkcs8Prefix, ...receivingRaw]);
  const receiving = await subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, true, ['deriveBits']);
  pkcs8.fill(0);
  const { x } = await subtle.exportKey('jwk', receiving);
  return x !== undefined && Buffer.from(x, 'base64url').toString('base64') === file.receiving.publicKey;
}

/** PKCS#8 prefix of an X25519 private key (RFC 8410 §7); the 32-byte scalar follows it. */
const x25519Pkcs8Prefix = Buffer.from('302e020100300506032b656e04220420', 'hex');

/** WebCrypto exports no raw X25519 private key; the JWK `d` member is exactly the raw scalar (RFC 8037 §2). */
async function x25519PrivateRaw(privateKey: CryptoKey): Promise<Uint8Array> {
  const { d } = await crypto.subtle.exportKey('jwk', privateKey);
  return new Uint8Array(Buffer.from(d ?? '', 'base64url'));
}

/** The AAD: UTF-8 of the canonical JSON (sorted keys, no spaces) of everything in the file but `wrapped`. */
export function additionalData(file: KeyFilePublic & { readonly kdf: KeyFile['kdf'] }): Uint8Array<ArrayBuffer> {
  const { format, role, profile, signing, receiving, kdf } = file;
  return new TextEncoder().encode(canonicalJson({ format, role, profile, signing, receiving, kdf }));
}

/** Sorted-key JSON (RFC 8785 ordering by UTF-16 code units); the values here are strings and integers only. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** scrypt → a non-extractable AES-256-GCM key; the raw derived bytes are zeroed at once. */
async function wrappingKey(passphrase: string, kdf: KeyFile['kdf']): Promise<CryptoKey> {
  const salt = decodeBase64(kdf.salt) ?? new Uint8Array();
  // NFC: the same passphrase typed through different input methods gives the same bytes (RFC 8265 §4.2).
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  const derived = await new Promise<Buffer>((resolve, reject) => {
    scrypt(secret, salt, kdf.dkLen, { ...pick(kdf), maxmem: scryptMaxmem }, (error, key) =>
      error === null ? resolve(key) : reject(error),
    );
  });
  secret.fill(0);
  const raw = new Uint8Array(derived);
  derived.fill(0);
  try {
    return await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
  } finally {
    raw.fill(0);
  }
}

function pick(params: KdfParams): KdfParams {
  return { N: params.N, r: params.r, p: params.p };
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Canonical base64 only: Node's decoder skips junk silently, so the text must re-encode to itself. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = new Uint8Array(Buffer.from(text, 'base64'));
  return encodeBase64(bytes) === text ? bytes : undefined;
}
