import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/contract/result';
import {
  defaultContainerLimits,
  packContainer,
  unpackContainer,
  type UnpackedContainer,
} from '../../../src-shared/packages/container';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const text = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const ENVELOPE = text('{"payloadType":"application/vnd.scorebook.sheet.v1+json","payload":"e30=","signatures":[]}');
const HASH = 'ab'.repeat(32);
const BLOB = `blobs/${HASH}`;

/** One entry as it is written into a hand-made zip; every field a hostile producer could set. */
interface RawEntry {
  readonly name: string;
  readonly data: Uint8Array; // the bytes as stored (compressed for method 8)
  readonly method?: number;
  readonly size?: number; // declared uncompressed size
  readonly crc?: number;
  readonly flags?: number;
  readonly external?: number; // external attributes: Unix mode in the high 16 bits
  readonly madeBy?: number;
  readonly local?: { readonly size?: number; readonly name?: string }; // where the local header lies
}

const stored = (name: string, content: Uint8Array, more: Partial<RawEntry> = {}): RawEntry => ({
  name,
  data: content,
  crc: crc32(content),
  ...more,
});
const deflated = (name: string, content: Uint8Array, more: Partial<RawEntry> = {}): RawEntry => ({
  name,
  data: new Uint8Array(deflateRawSync(content)),
  method: 8,
  size: content.length,
  crc: crc32(content),
  ...more,
});

/** A minimal zip writer (PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.16) that writes whatever it is told. */
function writeZip(entries: readonly RawEntry[], end: { disk?: number; count?: number } = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const localName = Buffer.from(e.local?.name ?? e.name, 'utf8');
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.method ?? 0, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.local?.size ?? size, 22);
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.madeBy ?? 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.flags ?? 0, 8);
    central.writeUInt16LE(e.method ?? 0, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(e.external ?? 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, localName, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + localName.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(end.disk ?? 0, 4);
  eocd.writeUInt16LE(end.count ?? entries.length, 8);
  eocd.writeUInt16LE(end.count ?? entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

function expectRefused(zip: Uint8Array, detail: string | RegExp, limits = {}): void {
  const result = unpackContainer(zip, limits);
  expect(result.ok ? 'accepted' : result.error.code).toBe('E_CONTAINER');
  expect(result.ok ? undefined : result.error.params?.detail).toMatch(detail);
}

/**
 * A real DEFLATE bomb, written bit by bit with the fixed Huffman code (RFC 1951 §3.2.6): one literal
 * zero, then `matches` copies of (length 258, distance 1) at 13 bits each — about 159:1, built in
 * milliseconds without ever holding the inflated bytes.
 */
function zeroBomb(matches: number): { data: Uint8Array; size: number } {
  const out = new Uint8Array(Math.ceil((3 + 8 + 13 * matches + 7) / 8));
  let bit = 0;
  const put = (value: number, length: number, huffman = false): void => {
    for (let i = 0; i < length; i++) {
      const b = huffman ? (value >> (length - 1 - i)) & 1 : (value >> i) & 1; // Huffman codes go MSB first
      if (b) out[bit >> 3] = (out[bit >> 3] ?? 0) | (1 << (bit & 7));
      bit++;
    }
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE 01: fixed Huffman
  put(0b00110000, 8, true); // literal 0
  for (let i = 0; i < matches; i++) {
    put(0b11000101, 8, true); // length symbol 285 = 258, no extra bits
    put(0, 5, true); // distance code 0 = 1
  }
  put(0, 7, true); // end of block (256)
  return { data: out, size: 1 + 258 * matches };
}

describe('packContainer and unpackContainer', () => {
  it('round-trips an envelope and up to 5 blobs of random bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 5 }),
        (envelope, contents) => {
          const blobs = contents.map((bytes) => ({ sha256: sha256(bytes), bytes }));
          const result = unpackContainer(packContainer({ envelope, blobs }));
          expect(result.ok && result.value.envelope).toEqual(envelope);
          expect(result.ok && result.value.blobs).toEqual(new Map(blobs.map((b) => [b.sha256, b.bytes])));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is deterministic: same parts, same bytes, whatever the blob order; fixed time, no extra fields', () => {
    const a = { sha256: sha256(text('photo')), bytes: text('photo') };
    const b = { sha256: sha256(text('scan')), bytes: text('scan'.repeat(500)) };
    const first = packContainer({ envelope: ENVELOPE, blobs: [a, b] });
    expect(packContainer({ envelope: ENVELOPE, blobs: [b, a, b] })).toEqual(first);
    const bytes = Buffer.from(first);
    expect(bytes.toString('latin1', 30, 43)).toBe('envelope.json'); // envelope.json comes first
    expect(bytes.readUInt32LE(10)).toBe(0x00210000); // DOS 1980-01-01 00:00 in every time zone
    expect(bytes.readUInt16LE(28)).toBe(0); // no extra field
  });

  it('stores entries that would break the ratio limit, so its own packages always pass', () => {
    const zeros = new Uint8Array(1_000_000);
    const packed = packContainer({ envelope: ENVELOPE, blobs: [{ sha256: sha256(zeros), bytes: zeros }] });
    const result = unpackContainer(packed);
    const blob = result.ok ? result.value.blobs.get(sha256(zeros)) : undefined;
    expect(blob && sha256(blob)).toBe(sha256(zeros)); // hashes: toEqual on a megabyte is slow
  });

  it('stores a large entry whose first 64 KiB do not deflate (a photo) and deflates a large text entry', () => {
    const photo = new Uint8Array(createHash('sha512').update('seed').digest().length * 4096);
    for (let i = 0; i < photo.length; i += 64) photo.set(createHash('sha512').update(String(i)).digest(), i);
    const words = ['质量', '评审', 'quality', 'site', 'visit', '2026', '记录', 'board'];
    // Words drawn by a linear congruential generator: text that deflates well, but not past the 100:1 ratio limit.
    let state = 1;
    const draw = (): string => words[((state = (state * 1103515245 + 12345) % 2 ** 31) >> 16) % words.length] ?? '';
    const report = text(Array.from({ length: 40_000 }, draw).join(' '));
    const pack = (bytes: Uint8Array): Uint8Array =>
      packContainer({ envelope: ENVELOPE, blobs: [{ sha256: sha256(bytes), bytes }] });
    const packed = Buffer.from(pack(photo));
    const blobHeader = packed.indexOf(Buffer.from('PK\x03\x04', 'latin1'), 4); // the entry after envelope.json
    expect(packed.readUInt16LE(blobHeader + 8)).toBe(0); // method 0: stored, not deflated
    expect(pack(photo).length).toBeGreaterThan(photo.length);
    expect(pack(report).length).toBeLessThan(report.length / 3);
    const result = unpackContainer(pack(photo));
    const blob = result.ok ? result.value.blobs.get(sha256(photo)) : undefined;
    expect(blob && sha256(blob)).toBe(sha256(photo));
  });

  it('throws on a malformed hash (a programming error) and on two contents under one hash', () => {
    expect(() =>
      packContainer({ envelope: ENVELOPE, blobs: [{ sha256: HASH.toUpperCase(), bytes: text('x') }] }),
    ).toThrow();
    const blobs = [
      { sha256: HASH, bytes: text('x') },
      { sha256: HASH, bytes: text('y') },
    ];
    expect(() => packContainer({ envelope: ENVELOPE, blobs })).toThrow();
  });
});

describe('unpackContainer refuses', () => {
  const envelope = stored('envelope.json', ENVELOPE);

  it('a file over maxFileBytes with E_TOO_LARGE before reading it', () => {
    const result = unpackContainer(new Uint8Array(101), { maxFileBytes: 100 });
    expect(result.ok ? undefined : result.error).toMatchObject({
      code: 'E_TOO_LARGE',
      params: { size: 101, limit: 100 },
    });
  });

  it('bytes that are not a zip', () => {
    expectRefused(new Uint8Array(0), 'not a zip archive');
    expectRefused(text('SCOREBOOK-SEALED/1\n and then something'), 'not a zip archive');
  });

  it.each([
    ['notes.txt', 'is not allowed'],
    [`blobs/${HASH.toUpperCase()}`, 'is not allowed'],
    [`blobs/${HASH.slice(1)}`, 'is not allowed'],
    [`x/${BLOB}`, 'is not allowed'],
    ['/envelope.json', 'has an absolute path'],
    ['C:/envelope.json', 'has an absolute path'],
    [`blobs/../${HASH}`, 'contains a parent-directory (..) segment'],
    [`blobs\\${HASH}`, 'contains a backslash'],
    ['blobs/', 'is a directory'],
  ])('the entry name %j (%s)', (name, detail) => {
    expectRefused(writeZip([envelope, stored(name, text('x'))]), detail);
  });

  it('directories, symbolic links and other non-regular files, by their attributes', () => {
    const link = zipSync({
      'envelope.json': ENVELOPE,
      [BLOB]: [text('/etc/passwd'), { os: 3, attrs: 0o120777 << 16 }],
    });
    expectRefused(link, `entry "${BLOB}" is a symbolic link`);
    expectRefused(writeZip([envelope, stored(BLOB, text(''), { external: 0x10 })]), 'is a directory');
    expectRefused(
      writeZip([envelope, stored(BLOB, text(''), { madeBy: 0x0314, external: 0o040755 << 16 })]),
      'is a directory',
    );
    expectRefused(writeZip([envelope, stored(BLOB, text(''), { external: 0o010644 << 16 })]), 'is not a regular file');
    expect(unpackContainer(zipSync({ 'envelope.json': [ENVELOPE, { os: 3, attrs: 0o100644 << 16 }] })).ok).toBe(true);
  });

  it('duplicate names, a missing envelope.json and too many entries', () => {
    expectRefused(writeZip([envelope, envelope]), '"envelope.json" appears twice');
    expectRefused(writeZip([stored(BLOB, text('x'))]), 'envelope.json is missing');
    const blobs = [1, 2, 3].map((i) => stored(`blobs/${String(i).repeat(64)}`, text(String(i))));
    expectRefused(writeZip([envelope, ...blobs]), '4 entries, over the limit of 3', { maxEntries: 3 });
  });

  it('encrypted entries and unsupported compression methods', () => {
    expectRefused(writeZip([stored('envelope.json', ENVELOPE, { flags: 1 })]), 'is encrypted');
    expectRefused(writeZip([stored('envelope.json', ENVELOPE, { method: 99 })]), 'is encrypted');
    expectRefused(writeZip([stored('envelope.json', ENVELOPE, { method: 14 })]), 'uses compression method 14');
  });

  it('sizes over the entry and total limits, from the declarations alone', () => {
    const huge = stored(BLOB, text('tiny'), { size: 0x7fffffff, method: 8 }); // never inflated
    expectRefused(writeZip([envelope, huge]), `declares 2147483647 bytes, over the ${64 * 1024 * 1024}-byte limit`);
    const big = deflated(BLOB, new Uint8Array(200).fill(65));
    expectRefused(writeZip([envelope, big]), 'declares 200 bytes, over the 100-byte limit', { maxEntryBytes: 100 });
    const limit = ENVELOPE.length + 150;
    expectRefused(writeZip([envelope, big]), `over ${limit}`, { maxTotalBytes: limit, maxRatio: 1000 });
  });

  it('a compression ratio over maxRatio, before inflating', () => {
    const zeros = deflated(BLOB, new Uint8Array(100_000));
    expectRefused(writeZip([envelope, zeros]), /would inflate \d+ bytes to 100000, over the 100:1 limit/);
  });

  it('an entry that inflates beyond, or short of, its declared size; a bad CRC; corrupt DEFLATE', () => {
    const content = text(Array.from({ length: 40 }, (_, i) => sha256(text(String(i)))).join('')); // 2560 bytes
    expectRefused(
      writeZip([envelope, deflated(BLOB, content, { size: 500 })]),
      'inflates beyond its declared 500 bytes',
    );
    expectRefused(writeZip([envelope, deflated(BLOB, content, { size: 3000 })]), 'inflates to 2560 bytes, not 3000');
    expectRefused(writeZip([envelope, stored(BLOB, content, { crc: 1 })]), 'fails its CRC-32 check');
    expectRefused(
      writeZip([envelope, { ...deflated(BLOB, content), data: new Uint8Array(100).fill(0xff) }]),
      'corrupt DEFLATE',
    );
  });

  it('local headers that disagree with the central directory, overlapping entries, split and ZIP64 archives', () => {
    expectRefused(
      writeZip([envelope, stored(BLOB, text('x'), { local: { name: 'other' } })]),
      'local header disagrees',
    );
    expectRefused(writeZip([envelope, stored(BLOB, text('x'), { local: { size: 9 } })]), 'local header disagrees');
    const zip = Buffer.from(writeZip([envelope, stored(BLOB, text('x'))]));
    const cdAt = zip.readUInt32LE(zip.length - 6);
    zip.writeUInt32LE(0, cdAt + 46 + 'envelope.json'.length + 42); // the blob's record points at envelope.json's data
    expectRefused(new Uint8Array(zip), 'overlaps another entry');
    expectRefused(writeZip([envelope], { disk: 1 }), 'split (multi-disk)');
    expectRefused(writeZip([envelope], { count: 0xffff }), 'ZIP64 is not supported');
  });
});

describe('a zip bomb', () => {
  it('is generated correctly (checked on a small one)', () => {
    const small = zeroBomb(1000);
    expect(sha256(inflateRawSync(small.data))).toBe(sha256(new Uint8Array(small.size)));
  });

  const bomb = zeroBomb(Math.floor((100 * 1024 * 1024) / 258)); // declares ~100 MiB in ~660 KB
  const entry = (size: number): RawEntry => ({ name: BLOB, data: bomb.data, method: 8, size, crc: 0 });

  it('is refused by its declared size, without inflating', () => {
    const detail = `over the ${defaultContainerLimits.maxEntryBytes}-byte limit`;
    expectRefused(writeZip([stored('envelope.json', ENVELOPE), entry(bomb.size)]), detail);
  });

  it('is refused by its ratio when the size limits would let it through', () => {
    const limits = { maxEntryBytes: 256 * 1024 * 1024, maxTotalBytes: 512 * 1024 * 1024 };
    expectRefused(writeZip([stored('envelope.json', ENVELOPE), entry(bomb.size)]), 'over the 100:1 limit', limits);
  });

  it('is stopped near its declared size when it lies about it', () => {
    const lying = entry(1024 * 1024); // ratio ~1.6:1, so it passes every declaration check
    expectRefused(writeZip([stored('envelope.json', ENVELOPE), lying]), 'inflates beyond its declared 1048576 bytes');
  });
});

describe('unpackContainer on hostile bytes', () => {
  const good = packContainer({ envelope: ENVELOPE, blobs: [{ sha256: HASH, bytes: text('attachment '.repeat(40)) }] });
  const refusedOrOk = (result: Result<UnpackedContainer>): boolean => result.ok || result.error.code === 'E_CONTAINER';

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => refusedOrOk(unpackContainer(bytes))),
      {
        numRuns: 500,
      },
    );
  });

  it('never throws on a valid container with bytes changed, and refuses every truncation', () => {
    const mutation = fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1 });
    fc.assert(
      fc.property(mutation, (changes) => {
        const bytes = good.slice();
        for (const [at, value] of changes) bytes[at] = value;
        return refusedOrOk(unpackContainer(bytes));
      }),
      { numRuns: 500 },
    );
    for (let length = 0; length < good.length; length++) {
      expect(unpackContainer(good.subarray(0, length)).ok, `length ${length}`).toBe(false);
    }
  });
});
