import { createHash, createPrivateKey, createPublicKey, verify as nodeVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aes256Gcm, CipherSuite, HkdfSha256 } from '@hpke/core';
import { DhkemX25519HkdfSha256 } from '@hpke/dhkem-x25519';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  additionalData,
  kdfDefaults,
  keyFileFormat,
  parseKeyFile,
  unwrapKeyFile,
} from '../../../src-main/services/key-file';
import { errorCodes } from '../../../src-shared/contract/error-codes';
import { errorMessages } from '../../../src-shared/contract/error-messages';
import { decodeBase64Strict } from '../../../src-shared/packages/base64';
import { toHex, utf8Decode, utf8Encode } from '../../../src-shared/packages/bytes';
import { unpackContainer } from '../../../src-shared/packages/container';
import { parseEnvelope } from '../../../src-shared/packages/dsse';
import { verifyEd25519 } from '../../../src-shared/packages/ed25519';
import { canonicalJson, isCanonicalJsonBytes, parseJsonStrict, type JsonValue } from '../../../src-shared/packages/jcs';
import { openPackage } from '../../../src-shared/packages/open-package';
import {
  packageKinds,
  payloadSchemas,
  sheetPayloadSchema,
  type PackageKind,
} from '../../../src-shared/packages/payload-schemas';
import { openSealed } from '../../../src-shared/packages/seal';
import { verifyForOffice } from '../../../src-shared/packages/verify-office';
import { memoryOffice } from '../../support/package-world';
import {
  computeVectors,
  ED25519_PKCS8_PREFIX,
  kvLines,
  normalise,
  readVectorBlocks,
  RFC8032_TEST1,
  RFC9180_A11,
  type ExampleParts,
  type Vector,
  type VectorBlock,
} from './vectors-fixture';

/**
 * docs/package-format.md against the code: every published vector is recomputed from its fixed inputs
 * (vectors-fixture.ts) and compared with the document, the examples are opened and verified again from the
 * document's own text with independent code where there is some (node:crypto, the HPKE library directly), and the
 * field tables and the error table are compared with the schemas and the messages. If either side changes, this
 * fails: regenerate the blocks with `npx tsx scripts/make-vectors.ts --write` and review the diff.
 */

const markdown = readFileSync(fileURLToPath(new URL('../../../docs/package-format.md', import.meta.url)), 'utf8');
const blocks = new Map<string, VectorBlock>(readVectorBlocks(markdown).map((block) => [block.name, block]));

let computed: Map<string, Vector>;
let parts: ExampleParts;

beforeAll(async () => {
  ({ vectors: computed, parts } = await computeVectors());
}, 30_000);

/** A block's value as written in the document, in its comparable form. */
function doc(name: string): string {
  const block = blocks.get(name);
  if (block === undefined) throw new Error(`docs/package-format.md has no vector ${name}`);
  return normalise(block.encoding, block.raw);
}

function docBytes(name: string): Uint8Array {
  const block = blocks.get(name);
  if (block === undefined) throw new Error(`docs/package-format.md has no vector ${name}`);
  const value = doc(name);
  if (block.encoding === 'hex') return new Uint8Array(Buffer.from(value, 'hex'));
  if (block.encoding === 'base64') {
    const bytes = decodeBase64Strict(value);
    if (bytes === undefined) throw new Error(`vector ${name} is not canonical base64`);
    return bytes;
  }
  return utf8Encode(value);
}

function docKv(name: string): Map<string, string> {
  return new Map(kvLines(blocks.get(name)?.raw ?? ''));
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

describe('docs/package-format.md, section 8: every vector equals what the code computes', () => {
  it('names the same vectors as the fixture computes, each once', () => {
    expect([...blocks.keys()].sort()).toEqual([...computed.keys()].sort());
  });

  it.each(readVectorBlocks(markdown).map((block) => [block.name, block.encoding] as const))(
    '%s (%s)',
    (name, encoding) => {
      const vector = computed.get(name);
      expect(vector, `the code computes no vector ${name}`).toBeDefined();
      if (vector === undefined) return;
      expect(encoding, `encoding of ${name}`).toBe(vector.encoding);
      expect(doc(name)).toBe(normalise(vector.encoding, vector.value));
    },
  );
});

describe('the examples, re-checked from the document text', () => {
  it('8.1 and 8.2: the RFC 8785 and DSSE examples', () => {
    const output = doc('jcs-rfc8785-output');
    expect(must(canonicalJson(must(parseJsonStrict(doc('jcs-rfc8785-input')))))).toBe(output);
    expect(toHex(utf8Encode(output))).toBe(doc('jcs-rfc8785-utf8'));
    const pae = docKv('dsse-pae-example');
    expect(pae.get('pae')).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('8.3: the key is RFC 8032 TEST 1, and the fingerprint is the SHA-256 of its raw public key', () => {
    expect(doc('ed25519-seed')).toBe(RFC8032_TEST1.secret);
    expect(doc('ed25519-pkcs8')).toBe(ED25519_PKCS8_PREFIX + RFC8032_TEST1.secret);
    expect(doc('ed25519-public')).toBe(RFC8032_TEST1.public);
    expect(toHex(docBytes('ed25519-public-base64'))).toBe(RFC8032_TEST1.public);
    expect(doc('fingerprint')).toBe(sha256(docBytes('ed25519-public')));
    expect(doc('fingerprint-formatted').replace(/ /g, '').toLowerCase()).toBe(doc('fingerprint'));
    expect(doc('fingerprint-formatted')).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  });

  it('8.4: the UUIDv7 carries the time in its first 48 bits and the version and variant bits', () => {
    const uuid = docKv('uuidv7');
    const id = uuid.get('uuid') ?? '';
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Number(uuid.get('unix-ms')));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.replace(/-/g, '').slice(13)).toBe((uuid.get('random') ?? '').slice(13));
  });

  it('8.6: the payload passes the sheet schema and canonicalises to the published bytes and hash', () => {
    const input = must(parseJsonStrict(doc('payload-input')));
    expect(sheetPayloadSchema.safeParse(input).success).toBe(true);
    const canonical = doc('payload-canonical');
    expect(must(canonicalJson(input))).toBe(canonical);
    expect(must(isCanonicalJsonBytes(utf8Encode(canonical)))).toEqual(input);
    expect(sha256(utf8Encode(canonical))).toBe(doc('payload-sha256'));
    const payload = sheetPayloadSchema.parse(input);
    expect(payload.keyId).toBe(doc('fingerprint'));
    expect(payload.packageId).toBe(docKv('uuidv7').get('uuid'));
    expect(payload.attachments[0]).toMatchObject({
      sha256: doc('attachment-sha256'),
      size: utf8Encode(doc('attachment')).length,
    });
    expect(sha256(utf8Encode(doc('attachment')))).toBe(doc('attachment-sha256'));
  });

  it('8.7: the PAE is built as section 2.2 defines it, and node:crypto verifies the signature over it', async () => {
    const type = 'application/vnd.scorebook.sheet.v1+json';
    const body = utf8Encode(doc('payload-canonical'));
    const pae = utf8Encode(doc('pae'));
    expect(doc('pae')).toBe(`DSSEv1 ${utf8Encode(type).length} ${type} ${body.length} ${doc('payload-canonical')}`);
    expect(toHex(pae.subarray(0, 64))).toBe(doc('pae-head'));
    expect(sha256(pae)).toBe(doc('pae-sha256'));
    const publicKey = createPublicKey(
      createPrivateKey({ key: Buffer.from(doc('ed25519-pkcs8'), 'hex'), format: 'der', type: 'pkcs8' }),
    );
    expect(nodeVerify(null, pae, publicKey, docBytes('signature'))).toBe(true);
    expect(await verifyEd25519(docBytes('ed25519-public'), docBytes('signature'), pae)).toBe(true);
  });

  it('8.8: the envelope parses to the payload bytes, the key id and the signature', () => {
    const envelope = must(parseEnvelope(utf8Encode(doc('envelope'))));
    expect(envelope.payloadType).toBe('application/vnd.scorebook.sheet.v1+json');
    expect(utf8Decode(envelope.payloadBytes)).toBe(doc('payload-canonical'));
    expect(envelope.keyId).toBe(doc('fingerprint'));
    expect(envelope.signature).toEqual(docBytes('signature'));
    expect(sha256(utf8Encode(doc('envelope')))).toBe(doc('envelope-sha256'));
  });

  it('8.9: the container holds exactly the envelope and the attachment', () => {
    const container = docBytes('container');
    expect(sha256(container)).toBe(doc('container-sha256'));
    expect(container.length).toBe(1689);
    const unpacked = must(unpackContainer(container));
    expect(utf8Decode(unpacked.envelope)).toBe(doc('envelope'));
    expect([...unpacked.blobs.keys()]).toEqual([doc('attachment-sha256')]);
    expect(utf8Decode(unpacked.blobs.get(doc('attachment-sha256')) ?? new Uint8Array())).toBe(doc('attachment'));
  });

  it('8.10: the sealed file is magic ‖ enc ‖ ciphertext and opens with skRm to the container', async () => {
    const recipient = docKv('seal-recipient');
    expect(Object.fromEntries(recipient)).toEqual({
      skRm: RFC9180_A11.skRm,
      pkRm: RFC9180_A11.pkRm,
      ikmE: RFC9180_A11.ikmE,
    });
    // pkRm is the X25519 public key of skRm (node:crypto, RFC 8410 PKCS#8 wrapping of the raw scalar).
    const x25519 = createPrivateKey({
      key: Buffer.concat([
        Buffer.from('302e020100300506032b656e04220420', 'hex'),
        Buffer.from(RFC9180_A11.skRm, 'hex'),
      ]),
      format: 'der',
      type: 'pkcs8',
    });
    const spki = createPublicKey(x25519).export({ format: 'der', type: 'spki' });
    expect(toHex(new Uint8Array(spki.subarray(spki.length - 32)))).toBe(RFC9180_A11.pkRm);

    const sealed = docBytes('sealed');
    const magic = docBytes('seal-magic');
    expect(utf8Decode(magic)).toBe('SCOREBOOK-SEALED/1\n');
    expect(utf8Decode(docBytes('seal-info'))).toBe('scorebook.package/1');
    expect(sealed.subarray(0, 19)).toEqual(magic);
    expect(toHex(sealed.subarray(19, 51))).toBe(doc('sealed-enc'));
    expect(doc('sealed-enc')).toBe(RFC9180_A11.pkEm);
    expect(sealed.length).toBe(docBytes('container').length + 67);
    expect(sealed.length).toBe(1756);
    expect(sha256(sealed)).toBe(doc('sealed-sha256'));
    const skRm = new Uint8Array(Buffer.from(RFC9180_A11.skRm, 'hex'));
    expect(must(await openSealed(skRm, sealed))).toEqual(docBytes('container'));

    // The HPKE library used directly, with the document's info and the magic as aad (section 2.5).
    const suite = new CipherSuite({ kem: new DhkemX25519HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
    const opened = await suite.open(
      {
        recipientKey: await suite.kem.deserializePrivateKey(skRm),
        enc: sealed.slice(19, 51),
        info: docBytes('seal-info'),
      },
      sealed.slice(51),
      magic,
    );
    expect(new Uint8Array(opened)).toEqual(docBytes('container'));
  });

  it('8.11: the sealed example passes steps 1–11 with the stated registry and office', async () => {
    const publicKeyRaw = docBytes('ed25519-public');
    const opened = must(
      await openPackage(docBytes('sealed'), {
        maxFileBytes: 256 * 1024 * 1024,
        openSeal: (file) => openSealed(new Uint8Array(Buffer.from(RFC9180_A11.skRm, 'hex')), file),
        acceptedKinds: ['sheet', 'declaration', 'pledge'],
        keyFor: (fingerprint) =>
          fingerprint === doc('fingerprint') ? { publicKeyRaw, owner: 'expert-1', revoked: false } : undefined,
      }),
    );
    expect(opened).toMatchObject({ kind: 'sheet', sealed: true, payloadSha256: doc('payload-sha256') });
    expect(must(await verifyForOffice(opened, memoryOffice()))).toEqual({
      outcome: 'accept',
      chainKey: ['sheet', 'expert-1', 'cycle-2026', 'material', 'applicant-1'].join('\u001f'),
      seq: 1,
    });
    expect(opened.payload).toEqual(parts.payload);
  });

  it('8.12: key-file.ts reads the example key file, with the published AAD, and unwraps its keys', async () => {
    const text = normalise('json', blocks.get('keyfile')?.raw ?? '');
    const file = must(parseKeyFile(utf8Encode(text), 'example.key'));
    expect(file.format).toBe(keyFileFormat);
    expect({ N: file.kdf.N, r: file.kdf.r, p: file.kdf.p }).toEqual(kdfDefaults);
    expect(new TextDecoder().decode(additionalData(file))).toBe(doc('keyfile-aad'));
    expect(toHex(decodeBase64Strict(file.kdf.salt) ?? new Uint8Array())).toBe(docKv('keyfile-inputs').get('salt'));
    expect(toHex(decodeBase64Strict(file.wrapped.iv) ?? new Uint8Array())).toBe(docKv('keyfile-inputs').get('iv'));
    const outcome = await unwrapKeyFile(file, docKv('keyfile-inputs').get('passphrase') ?? '');
    if (!outcome.ok) throw new Error(`unwrap failed: ${outcome.reason}`);
    expect(toHex(outcome.secrets.signingPkcs8)).toBe(doc('ed25519-pkcs8'));
    expect(toHex(outcome.secrets.receivingPrivateRaw)).toBe(RFC9180_A11.skRm);
    expect(JSON.parse(doc('keyfile-plaintext'))).toEqual({
      signingPkcs8: Buffer.from(doc('ed25519-pkcs8'), 'hex').toString('base64'),
      receivingPrivateRaw: Buffer.from(RFC9180_A11.skRm, 'hex').toString('base64'),
    });
    expect(file.signing.fingerprint).toBe(doc('fingerprint'));
  }, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Section 3: the field tables list exactly the fields of each schema.

interface ZodNode {
  readonly _zod: {
    readonly def: {
      readonly type: string;
      readonly shape?: Readonly<Record<string, ZodNode>>;
      readonly element?: ZodNode;
      readonly innerType?: ZodNode;
    };
  };
}

/** Every field path of a schema: `a`, `a.b`, `list[].c` (nullable and optional members unwrapped). */
function schemaPaths(node: ZodNode, prefix = ''): string[] {
  const def = node._zod.def;
  if ((def.type === 'nullable' || def.type === 'optional') && def.innerType) return schemaPaths(def.innerType, prefix);
  if (def.type === 'array' && def.element) return schemaPaths(def.element, `${prefix}[]`);
  if (def.type !== 'object' || def.shape === undefined) return [];
  return Object.entries(def.shape).flatMap(([key, child]) => {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    return [path, ...schemaPaths(child, path)];
  });
}

interface FieldTable {
  readonly uses: string[];
  /** The cells of each row by the field path in its first column. */
  readonly rows: Map<string, string[]>;
}

/** The field tables: `<!-- fields: NAME [uses=A,B] -->` followed by a table whose first column is `path`. */
function fieldTables(): Map<string, FieldTable> {
  const tables = new Map<string, FieldTable>();
  const lines = markdown.split('\n');
  lines.forEach((line, index) => {
    const marker = /^<!-- fields: ([a-z]+)(?: uses=([a-z,]+))? -->$/.exec(line);
    if (marker === null) return;
    const table: FieldTable = { uses: marker[2]?.split(',') ?? [], rows: new Map() };
    let i = index + 1;
    while (lines[i]?.trim() === '') i++;
    for (; lines[i]?.startsWith('|') === true; i++) {
      const cells = (lines[i] ?? '')
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      const path = /^`([^`]+)`$/.exec(cells[0] ?? '')?.[1];
      if (path === undefined) continue;
      if (table.rows.has(path)) throw new Error(`field ${path} listed twice in the ${marker[1] ?? ''} table`);
      table.rows.set(path, cells);
    }
    tables.set(marker[1] ?? '', table);
  });
  return tables;
}

describe('docs/package-format.md, section 3: field tables', () => {
  const tables = fieldTables();

  it('has a table for every kind', () => {
    expect([...tables.keys()].sort()).toEqual([...packageKinds, 'common', 'chained'].sort());
  });

  it.each(packageKinds.map((kind) => [kind]))('%s: the table and the schema have the same fields', (kind) => {
    const table = tables.get(kind);
    expect(table).toBeDefined();
    if (table === undefined) return;
    const documented = [
      ...table.rows.keys(),
      ...table.uses.flatMap((name) => [...(tables.get(name)?.rows.keys() ?? [])]),
    ];
    expect(new Set(documented).size, 'a field listed twice').toBe(documented.length);
    const schema = payloadSchemas[kind as PackageKind] as unknown as ZodNode;
    expect(documented.sort()).toEqual(schemaPaths(schema).sort());
  });

  it.each(packageKinds.map((kind) => [kind]))('%s: the schema and kind literals are shown', (kind) => {
    const rows = tables.get(kind)?.rows;
    const literal = String(payloadSchemas[kind as PackageKind].shape.schema.value);
    expect(rows?.get('schema')?.[2]).toBe(`\`"${literal}"\``);
    expect(rows?.get('kind')?.[2]).toBe(`\`"${kind}"\``);
  });
});

// ---------------------------------------------------------------------------------------------
// Section 6: the error table copies error-messages.ts.

/** The rows of the table after `marker`: [code, …cells] for each row whose first cell is a code. */
function codeTable(marker: string, columns: number): string[][] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(marker);
  const rows: string[][] = [];
  for (
    let i = start + 1;
    start >= 0 && i < lines.length && (lines[i]?.trim() === '' || lines[i]?.startsWith('|'));
    i++
  ) {
    if (rows.length > 0 && lines[i]?.trim() === '') break;
    const cells = (lines[i] ?? '')
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells.length === columns && /^`E_/.test(cells[0] ?? '')) rows.push(cells);
  }
  return rows;
}

describe('docs/package-format.md, section 6: error codes', () => {
  const rows = codeTable('<!-- error-codes -->', 4);
  const packageCodes = errorCodes.slice(errorCodes.indexOf('E_TOO_LARGE'), errorCodes.indexOf('E_TOTALS') + 1);
  const receiptRows = codeTable('<!-- receipt-codes -->', 4);
  const receiptCodes = errorCodes.slice(
    errorCodes.indexOf('E_RECEIPTS_FILE'),
    errorCodes.indexOf('E_RECEIPT_MISMATCH') + 1,
  );

  it('lists every package code, in the order of error-codes.ts, and every receipt code', () => {
    expect(rows.map((cells) => (cells[0] ?? '').replace(/`/g, ''))).toEqual(packageCodes);
    expect(receiptRows.map((cells) => (cells[0] ?? '').replace(/`/g, ''))).toEqual(receiptCodes);
  });

  it.each(packageCodes.map((code) => [code]))('%s: zh-CN and en as in error-messages.ts', (code) => {
    const row = rows.find((cells) => cells[0] === `\`${code}\``);
    expect(row?.[2]).toBe(errorMessages[code]['zh-CN']);
    expect(row?.[3]).toBe(errorMessages[code].en);
  });

  it.each(receiptCodes.map((code) => [code]))('%s: zh-CN and en as in error-messages.ts', (code) => {
    const row = receiptRows.find((cells) => cells[0] === `\`${code}\``);
    expect(row?.[2]).toBe(errorMessages[code]['zh-CN']);
    expect(row?.[3]).toBe(errorMessages[code].en);
  });
});

// ---------------------------------------------------------------------------------------------
// Section 9: the interoperability statements the document makes about the reader.

describe('docs/package-format.md, section 9: interoperability statements', () => {
  const payload = (patch: Record<string, unknown>): boolean =>
    sheetPayloadSchema.safeParse({ ...parts.payload, ...patch }).success;

  it('9.2: integers spelled other than canonically are not canonical; beyond 2^53 − 1 fails the schema', () => {
    for (const text of ['{"a":1.0}', '{"a":1e2}', '{"a":-0}', '{"a":01}', '{"a":1,"a":1}', '\ufeff{"a":1}']) {
      expect(isCanonicalJsonBytes(utf8Encode(text)).ok, text).toBe(false);
    }
    expect(isCanonicalJsonBytes(utf8Encode('{"a":"/\u2028é"}')).ok).toBe(true);
    expect(payload({ totals: { ...parts.payload.totals, hundredths: 2 ** 53 } })).toBe(false);
    expect(payload({ totals: { ...parts.payload.totals, hundredths: 2 ** 53 - 1 } })).toBe(true);
  });

  it('3.1: string lengths count code points', () => {
    const attachment = parts.payload.attachments[0];
    expect(payload({ attachments: [{ ...attachment, name: '😀'.repeat(255) }] })).toBe(true);
    expect(payload({ attachments: [{ ...attachment, name: '😀'.repeat(256) }] })).toBe(false);
  });

  it('9.3: hex is lower case only', () => {
    expect(payload({ keyId: parts.fingerprint.toUpperCase() })).toBe(false);
    expect(payload({ packageId: parts.payload.packageId.toUpperCase() })).toBe(false);
  });

  it('9.4: times are UTC with Z and zero to three fractional digits', () => {
    for (const ok of ['2026-05-11T02:30:00.000Z', '2026-05-11T02:30:00Z', '2026-05-11T02:30:00.1Z']) {
      expect(payload({ createdAt: ok }), ok).toBe(true);
    }
    for (const bad of ['2026-05-11T02:30:00.000+08:00', '2026-05-11T02:30:00.0000Z', '2026-05-11 02:30:00Z']) {
      expect(payload({ createdAt: bad }), bad).toBe(false);
    }
  });

  it('9.1: the envelope refuses URL-safe, unpadded and wrapped base64', () => {
    const envelope = must(parseJsonStrict(doc('envelope'))) as { [key: string]: JsonValue };
    const payloadText = String(envelope.payload);
    const sig = doc('signature');
    const withPayload = (text: string) => ({ ...envelope, payload: text });
    const withSig = (text: string) => ({ ...envelope, signatures: [{ keyid: doc('fingerprint'), sig: text }] });
    const variants = [
      withPayload(payloadText.replace(/\+/g, '-').replace(/\//g, '_')),
      withPayload(`${payloadText.slice(0, 76)}\n${payloadText.slice(76)}`),
      withSig(sig.replace(/=+$/, '')),
    ];
    expect(variants.map((variant) => JSON.stringify(variant)).includes(JSON.stringify(envelope))).toBe(false);
    for (const variant of variants) {
      const result = parseEnvelope(utf8Encode(JSON.stringify(variant)));
      expect(result.ok ? undefined : result.error.code).toBe('E_MALFORMED');
    }
    expect(parseEnvelope(utf8Encode(JSON.stringify(envelope, null, 2))).ok).toBe(true);
  });
});
