import { createCipheriv, createHash, createPrivateKey, createPublicKey, scrypt } from 'node:crypto';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { fromHex, sha256Hex, toHex, utf8Decode, utf8Encode } from '../../../src-shared/packages/bytes';
import { defaultContainerLimits, packContainer } from '../../../src-shared/packages/container';
import { DEFAULT_MAX_ENVELOPE_BYTES, pae, serializeEnvelope } from '../../../src-shared/packages/dsse';
import {
  fingerprintOf,
  formatFingerprint,
  importPrivatePkcs8,
  signEd25519,
} from '../../../src-shared/packages/ed25519';
import {
  canonicalBytes,
  canonicalJson,
  DEFAULT_MAX_JSON_LENGTH,
  MAX_JSON_DEPTH,
  parseJsonStrict,
  type JsonValue,
} from '../../../src-shared/packages/jcs';
import {
  packageKinds,
  payloadSchemas,
  payloadTypeOf,
  type SheetPayload,
} from '../../../src-shared/packages/payload-schemas';
import { sealToWithEphemeralSeed } from '../../../src-shared/packages/seal';
import { uuidV7 } from '../../../src-shared/packages/uuid-v7';

/**
 * The fixed inputs of the test vectors in docs/package-format.md, and the code that derives every
 * published value from them with the project's own implementation. vectors.test.ts compares the
 * results with the document; scripts/make-vectors.ts prints (or rewrites) the document's blocks.
 *
 * A vector in the document is a fenced block whose info string is `vector name=<name>` with an
 * optional `encoding=<text|hex|base64|json|kv>` (text when absent):
 * - text: the block's lines exactly, joined with line feeds (no final line feed);
 * - hex and base64: the block with all white space removed (long values are wrapped);
 * - json: compared as parsed JSON values, so the layout is free;
 * - kv: one `name value` pair per line (the value is the rest of the line after the spaces).
 */

export type Encoding = 'text' | 'hex' | 'base64' | 'json' | 'kv';

export interface VectorBlock {
  readonly name: string;
  readonly encoding: Encoding;
  /** The block as written (lines joined with line feeds). */
  readonly raw: string;
}

export interface Vector {
  readonly encoding: Encoding;
  readonly value: string;
}

const ENCODINGS: readonly Encoding[] = ['text', 'hex', 'base64', 'json', 'kv'];

/** Every `vector` block of a markdown text, in order; throws on a malformed or repeated block. */
export function readVectorBlocks(markdown: string): VectorBlock[] {
  const lines = markdown.split('\n');
  const blocks: VectorBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})vector\b(.*)$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const fence = open[1] ?? '```';
    const info = open[2] ?? '';
    const name = /\bname=([a-z0-9-]+)/.exec(info)?.[1];
    const encoding = (/\bencoding=([a-z0-9]+)/.exec(info)?.[1] ?? 'text') as Encoding;
    if (name === undefined) throw new Error(`vector block without a name at line ${i + 1}`);
    if (!ENCODINGS.includes(encoding)) throw new Error(`vector ${name}: unknown encoding ${encoding}`);
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== fence; i++) body.push(lines[i] ?? '');
    if (i >= lines.length) throw new Error(`vector ${name}: no closing fence`);
    if (blocks.some((block) => block.name === name)) throw new Error(`vector ${name} appears twice`);
    blocks.push({ name, encoding, raw: body.join('\n') });
  }
  return blocks;
}

/** The comparable form of a value in a given encoding (see the module comment). */
export function normalise(encoding: Encoding, raw: string): string {
  switch (encoding) {
    case 'hex':
      return raw.replace(/\s+/g, '').toLowerCase();
    case 'base64':
      return raw.replace(/\s+/g, '');
    case 'json': {
      const parsed = parseJsonStrict(raw);
      if (!parsed.ok) throw new Error(`not JSON: ${parsed.error.message}`);
      const canonical = canonicalJson(parsed.value);
      if (!canonical.ok) throw new Error('JSON not canonicalisable');
      return canonical.value;
    }
    case 'kv':
      return kvLines(raw)
        .map(([key, value]) => `${key} ${value}`)
        .join('\n');
    case 'text':
      return raw;
  }
}

/** The pairs of a kv block: `name value`, separated by one or more spaces. */
export function kvLines(raw: string): [string, string][] {
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^(\S+)\s+(.*)$/.exec(line.trim());
      if (match === null) throw new Error(`kv line without a value: ${line}`);
      return [match[1] ?? '', match[2] ?? ''];
    });
}

/** Writes a value as a vector block, wrapping hex and base64 at `width` characters. */
export function formatBlock(name: string, vector: Vector, width = 76): string {
  const info = vector.encoding === 'text' ? `vector name=${name}` : `vector name=${name} encoding=${vector.encoding}`;
  const body =
    vector.encoding === 'hex' || vector.encoding === 'base64'
      ? (vector.value.match(new RegExp(`.{1,${width}}`, 'g')) ?? ['']).join('\n')
      : vector.value;
  return `\`\`\`${info}\n${body}\n\`\`\``;
}

// ---------------------------------------------------------------------------------------------
// Fixed inputs

export function hex(text: string): Uint8Array {
  const bytes = fromHex(text);
  if (bytes === undefined) throw new Error(`bad hex: ${text}`);
  return bytes;
}

/** RFC 8032 section 7.1, TEST 1: the signing key of every example. */
export const RFC8032_TEST1 = {
  secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
  public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
} as const;

/** PKCS#8 (RFC 8410 section 7) prefix of an Ed25519 private key; the 32-byte seed follows it. */
export const ED25519_PKCS8_PREFIX = '302e020100300506032b657004220420';

/** RFC 9180 Appendix A.1.1: the recipient key pair and the sender's ephemeral seed. */
export const RFC9180_A11 = {
  ikmE: '7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234',
  pkEm: '37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431',
  skRm: '4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8',
  pkRm: '3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d',
} as const;

/** The packageId of the example sheet: UUIDv7 of this instant with these "random" bytes. */
export const UUID_EXAMPLE = {
  unixMs: Date.parse('2026-05-11T02:30:00.000Z'),
  random: '00112233445566778899aabbccddeeff',
} as const;

/** The one attachment of the example sheet (UTF-8, no final line feed). */
export const ATTACHMENT_TEXT = 'Site visit 2026-05-10, line 3: the quality board shows daily first-pass yield.';

/** The example key file's inputs. The real app draws salt and IV at random for every write. */
export const KEYFILE_INPUTS = {
  passphrase: 'Scorebook 示例口令 2026',
  salt: '000102030405060708090a0b0c0d0e0f',
  iv: 'a0a1a2a3a4a5a6a7a8a9aaab',
  N: 2 ** 17,
  r: 8,
  p: 1,
} as const;

export const EXAMPLE_PROFILE = {
  name: '张三',
  workUnit: '示例市质量发展研究院',
  title: '高级工程师',
  phone: '+86 10 5555 0100',
  fields: ['制造业', '质量管理'],
} as const;

/** The example sheet payload: three items of the shipped GB/T 19580-2012 criteria, all seven categories totalled. */
export function examplePayload(fingerprint: string, attachmentSha256: string): SheetPayload {
  const attachmentSize = utf8Encode(ATTACHMENT_TEXT).length;
  return {
    schema: 'scorebook.sheet/1',
    kind: 'sheet',
    packageId: uuidV7(UUID_EXAMPLE.unixMs, () => hex(UUID_EXAMPLE.random)),
    cycleId: 'cycle-2026',
    issuer: 'expert-1',
    keyId: fingerprint,
    createdAt: '2026-05-11T02:30:00.000Z',
    app: { name: 'Scorebook', version: '0.1.0' },
    stage: 'material',
    applicantId: 'applicant-1',
    assignmentId: 'assignment-1',
    assignmentHash: createHash('sha256').update('example assignment payload').digest('hex'),
    seq: 1,
    prevHash: null,
    criteria: { id: 'gbt19580-2012', version: '2012' },
    items: [
      {
        itemId: '4.1.2',
        percent: 60,
        strengths: [{ text: '高层领导每季度评审战略目标的分解与落实。', page: 12, ref: '申报材料 4.1' }],
        ofis: [],
      },
      {
        itemId: '4.4.3',
        percent: 45,
        strengths: [],
        ofis: [{ text: 'Supplier ratings show no "trend" yet.\nSee the 2025/2026 list.', page: null, ref: '' }],
      },
      { itemId: '4.7.2', percent: 35, strengths: [], ofis: [] },
    ],
    totals: {
      hundredths: 6475,
      categories: [
        { categoryId: '4.1', hundredths: 3000 },
        { categoryId: '4.2', hundredths: 0 },
        { categoryId: '4.3', hundredths: 0 },
        { categoryId: '4.4', hundredths: 675 },
        { categoryId: '4.5', hundredths: 0 },
        { categoryId: '4.6', hundredths: 0 },
        { categoryId: '4.7', hundredths: 2800 },
      ],
    },
    attachments: [{ sha256: attachmentSha256, size: attachmentSize, name: 'site-note.txt', mediaType: 'text/plain' }],
    revisionReason: null,
  };
}

/** The RFC 8785 section 3.2.2 sample input, exactly as the RFC writes it. */
export const JCS_RFC8785_INPUT = String.raw`{
  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
  "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
  "literals": [null, true, false]
}`;

/** The DSSE protocol.md example of the pre-authentication encoding. */
export const DSSE_EXAMPLE = { type: 'http://example.com/HelloWorld', body: 'hello world' } as const;

// ---------------------------------------------------------------------------------------------
// Derivation

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function text(value: string): Vector {
  return { encoding: 'text', value };
}
function hexV(bytes: Uint8Array | string): Vector {
  return { encoding: 'hex', value: typeof bytes === 'string' ? bytes : toHex(bytes) };
}
function b64(bytes: Uint8Array): Vector {
  return { encoding: 'base64', value: encodeBase64(bytes) };
}
/** JSON as the document shows it (indented); compared as parsed values. */
function json(value: unknown): Vector {
  return { encoding: 'json', value: JSON.stringify(value, null, 2) };
}
function kv(pairs: readonly (readonly [string, string | number])[]): Vector {
  const width = Math.max(...pairs.map(([key]) => key.length)) + 2;
  return { encoding: 'kv', value: pairs.map(([key, value]) => `${key.padEnd(width)}${value}`).join('\n') };
}
function decode(bytes: Uint8Array): string {
  const decoded = utf8Decode(bytes);
  if (decoded === undefined) throw new Error('not UTF-8');
  return decoded;
}

/** Everything the example derives, kept for the test's further checks (opening, verifying). */
export interface ExampleParts {
  readonly fingerprint: string;
  readonly publicKeyRaw: Uint8Array;
  readonly payload: SheetPayload;
  readonly payloadBytes: Uint8Array;
  readonly envelope: Uint8Array;
  readonly attachment: Uint8Array;
  readonly container: Uint8Array;
  readonly sealed: Uint8Array;
  readonly keyFile: Record<string, unknown>;
}

/** scrypt → AES-256-GCM exactly as the document describes the key file, on node:crypto (not key-file.ts). */
async function exampleKeyFile(publicKeyRaw: Uint8Array, fingerprint: string) {
  const { passphrase, salt, iv, N, r, p } = KEYFILE_INPUTS;
  const kdf = { name: 'scrypt', N, r, p, salt: encodeBase64(hex(salt)), dkLen: 32 };
  const publicPart = {
    format: 'scorebook.keyfile/1',
    role: 'expert',
    profile: EXAMPLE_PROFILE,
    signing: { publicKey: encodeBase64(publicKeyRaw), fingerprint },
    receiving: { publicKey: encodeBase64(hex(RFC9180_A11.pkRm)) },
  };
  const aad = must(canonicalJson({ ...publicPart, kdf } as unknown as JsonValue));
  const plaintext = JSON.stringify({
    signingPkcs8: encodeBase64(hex(ED25519_PKCS8_PREFIX + RFC8032_TEST1.secret)),
    receivingPrivateRaw: encodeBase64(hex(RFC9180_A11.skRm)),
  });
  const key = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      Buffer.from(passphrase.normalize('NFC'), 'utf8'),
      hex(salt),
      32,
      { N, r, p, maxmem: 256 * 1024 * 1024 },
      (e, k) => (e === null ? resolve(k) : reject(e)),
    ),
  );
  const cipher = createCipheriv('aes-256-gcm', key, hex(iv));
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  const wrapped = { alg: 'AES-256-GCM', iv: encodeBase64(hex(iv)), ciphertext: ciphertext.toString('base64') };
  return { aad, plaintext, scryptKey: new Uint8Array(key), file: { ...publicPart, kdf, wrapped } };
}

/** Every published vector, computed with the project's code from the fixed inputs above. */
export async function computeVectors(): Promise<{ vectors: Map<string, Vector>; parts: ExampleParts }> {
  const v = new Map<string, Vector>();

  // Constants the prose relies on.
  v.set(
    'payload-types',
    kv(packageKinds.map((kind) => [kind, `${payloadTypeOf(kind)} ${String(payloadSchemas[kind].shape.schema.value)}`])),
  );
  v.set(
    'limits',
    json({
      container: defaultContainerLimits,
      envelopeMaxBytes: DEFAULT_MAX_ENVELOPE_BYTES,
      payloadMaxBytes: DEFAULT_MAX_JSON_LENGTH,
      jsonMaxDepth: MAX_JSON_DEPTH,
    }),
  );

  // RFC 8785 and DSSE examples.
  const jcsOut = must(canonicalBytes(must(parseJsonStrict(JCS_RFC8785_INPUT))));
  v.set('jcs-rfc8785-input', text(JCS_RFC8785_INPUT));
  v.set('jcs-rfc8785-output', text(decode(jcsOut)));
  v.set('jcs-rfc8785-utf8', hexV(jcsOut));
  v.set(
    'dsse-pae-example',
    kv([
      ['type', DSSE_EXAMPLE.type],
      ['body', DSSE_EXAMPLE.body],
      ['pae', decode(pae(DSSE_EXAMPLE.type, utf8Encode(DSSE_EXAMPLE.body)))],
    ]),
  );

  // The signing key.
  const privateKey = must(await importPrivatePkcs8(hex(ED25519_PKCS8_PREFIX + RFC8032_TEST1.secret), true));
  // The public key, derived with node:crypto (independently of WebCrypto): the last 32 bytes of the SPKI.
  const pkcs8 = Buffer.from(ED25519_PKCS8_PREFIX + RFC8032_TEST1.secret, 'hex');
  const spki = createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })).export({
    format: 'der',
    type: 'spki',
  });
  const publicKeyRaw = new Uint8Array(spki.subarray(spki.length - 32));
  const fingerprint = await fingerprintOf(publicKeyRaw);
  v.set('ed25519-seed', hexV(RFC8032_TEST1.secret));
  v.set('ed25519-pkcs8', hexV(ED25519_PKCS8_PREFIX + RFC8032_TEST1.secret));
  v.set('ed25519-public', hexV(publicKeyRaw));
  v.set('ed25519-public-base64', b64(publicKeyRaw));
  v.set('fingerprint', hexV(fingerprint));
  v.set('fingerprint-formatted', text(formatFingerprint(fingerprint)));

  // UUIDv7.
  const packageId = uuidV7(UUID_EXAMPLE.unixMs, () => hex(UUID_EXAMPLE.random));
  v.set(
    'uuidv7',
    kv([
      ['unix-ms', UUID_EXAMPLE.unixMs],
      ['random', UUID_EXAMPLE.random],
      ['uuid', packageId],
    ]),
  );

  // The attachment and the payload.
  const attachment = utf8Encode(ATTACHMENT_TEXT);
  const attachmentSha256 = await sha256Hex(attachment);
  v.set('attachment', text(ATTACHMENT_TEXT));
  v.set('attachment-sha256', hexV(attachmentSha256));
  const payload = examplePayload(fingerprint, attachmentSha256);
  const payloadBytes = must(canonicalBytes(payload as unknown as JsonValue));
  v.set('payload-input', json(payload));
  v.set('payload-canonical', text(decode(payloadBytes)));
  v.set('payload-sha256', hexV(await sha256Hex(payloadBytes)));

  // PAE, signature, envelope.
  const payloadType = payloadTypeOf('sheet');
  const paeBytes = pae(payloadType, payloadBytes);
  v.set('pae', text(decode(paeBytes)));
  v.set('pae-head', hexV(paeBytes.subarray(0, 64)));
  v.set('pae-sha256', hexV(await sha256Hex(paeBytes)));
  const signature = await signEd25519(privateKey, paeBytes);
  v.set('signature', b64(signature));
  const envelope = serializeEnvelope({ payloadType, payloadBytes, keyId: fingerprint, signature });
  v.set('envelope', text(decode(envelope)));
  v.set('envelope-sha256', hexV(await sha256Hex(envelope)));

  // Container and seal.
  const container = packContainer({ envelope, blobs: [{ sha256: attachmentSha256, bytes: attachment }] });
  v.set('container', b64(container));
  v.set('container-sha256', hexV(await sha256Hex(container)));
  v.set(
    'seal-recipient',
    kv([
      ['skRm', RFC9180_A11.skRm],
      ['pkRm', RFC9180_A11.pkRm],
      ['ikmE', RFC9180_A11.ikmE],
    ]),
  );
  const sealed = must(await sealToWithEphemeralSeed(hex(RFC9180_A11.pkRm), container, hex(RFC9180_A11.ikmE)));
  v.set('seal-magic', hexV(sealed.subarray(0, 19)));
  v.set('seal-info', hexV(utf8Encode('scorebook.package/1')));
  v.set('sealed-enc', hexV(sealed.subarray(19, 51)));
  v.set('sealed', b64(sealed));
  v.set('sealed-sha256', hexV(await sha256Hex(sealed)));

  // The key file.
  const keyFile = await exampleKeyFile(publicKeyRaw, fingerprint);
  v.set(
    'keyfile-inputs',
    kv([
      ['passphrase', KEYFILE_INPUTS.passphrase],
      ['salt', KEYFILE_INPUTS.salt],
      ['iv', KEYFILE_INPUTS.iv],
    ]),
  );
  v.set('keyfile-scrypt-key', hexV(keyFile.scryptKey));
  v.set('keyfile-aad', text(keyFile.aad));
  v.set('keyfile-plaintext', text(keyFile.plaintext));
  v.set('keyfile', json(keyFile.file));

  return {
    vectors: v,
    parts: {
      fingerprint,
      publicKeyRaw,
      payload,
      payloadBytes,
      envelope,
      attachment,
      container,
      sealed,
      keyFile: keyFile.file,
    },
  };
}
