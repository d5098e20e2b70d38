import { deflateSync, Inflate, zipSync, type Zippable, type ZippableFile } from 'fflate';
import { fail, ok, type Result } from '../contract/result';

/**
 * The `.qapkg` container (docs/package-format.md, layer 4): a zip holding `envelope.json` and
 * `blobs/<sha256 lowercase hex>`. Reading it is the office's first contact with hostile bytes
 * (docs/security.md, "Untrusted input"), so the zip structure is parsed here by hand — fflate's
 * reader exposes neither external attributes (links) nor duplicate names — and every size is
 * checked from the central directory before a single byte is inflated. fflate only inflates.
 */

/** Caps on an untrusted container, checked before anything is inflated. */
export interface ContainerLimits {
  /** Bytes of the zip file itself. */
  readonly maxFileBytes: number;
  /** Entries in the zip, envelope.json included. */
  readonly maxEntries: number;
  /** Declared (and actual) uncompressed bytes of any one entry. */
  readonly maxEntryBytes: number;
  /** Declared uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
  /** Declared uncompressed size ÷ compressed size of any one entry. */
  readonly maxRatio: number;
}

const MiB = 1024 * 1024;

/** The limits the office and the expert app apply unless told otherwise. */
export const defaultContainerLimits: ContainerLimits = {
  // A score sheet with its site-visit photos and scanned documents fits comfortably; the file is read into memory whole.
  maxFileBytes: 256 * MiB,
  // envelope.json plus 200 attachments: far more than a sheet references; beyond that it is a flood, not a package.
  maxEntries: 1 + 200,
  // The largest single attachment we expect: a scanned PDF of an applicant's report.
  maxEntryBytes: 64 * MiB,
  // Bounds memory after inflation to twice the file cap, whatever the entries claim one by one.
  maxTotalBytes: 512 * MiB,
  // Text deflates to ~5–20:1, photos and PDFs hardly at all; a bomb needs ~1000:1 (DEFLATE's ceiling is 1032:1).
  // packContainer stores uncompressed any entry that would exceed it, so our own packages always pass.
  maxRatio: 100,
};

/** What a container holds once every check passed. */
export interface UnpackedContainer {
  readonly envelope: Uint8Array;
  /** Attachment bytes by lowercase SHA-256 hex (the hash is the caller's to verify, E_ATTACHMENT). */
  readonly blobs: Map<string, Uint8Array>;
}

const ENVELOPE = 'envelope.json';
const BLOB_NAME = /^blobs\/([0-9a-f]{64})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
// DOS date fields are local time; building the date from local parts gives the same bytes in every time zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Packs the envelope and attachments into a zip, deterministically: envelope.json first, then blobs
 * by name, a fixed mtime, no extra fields, no comments — the same parts always give the same bytes.
 * A blob listed twice under one hash is packed once.
 * @throws Error when a sha256 is not 64 lowercase hex digits, or one hash comes with different bytes
 *   (a programming error: the caller computes the hashes).
 */
export function packContainer(parts: {
  readonly envelope: Uint8Array;
  readonly blobs: readonly { readonly sha256: string; readonly bytes: Uint8Array }[];
}): Uint8Array {
  const byName = new Map<string, Uint8Array>();
  for (const blob of parts.blobs) {
    if (!SHA256_HEX.test(blob.sha256)) throw new Error(`packContainer: not a lowercase SHA-256 hex: ${blob.sha256}`);
    const name = `blobs/${blob.sha256}`;
    const earlier = byName.get(name);
    if (earlier && !sameBytes(earlier, blob.bytes)) throw new Error(`packContainer: two contents for ${name}`);
    byName.set(name, blob.bytes);
  }
  const files: Zippable = { [ENVELOPE]: zipEntry(parts.envelope) };
  for (const [name, bytes] of [...byName].sort(([a], [b]) => (a < b ? -1 : 1))) files[name] = zipEntry(bytes);
  return zipSync(files, { mtime: FIXED_MTIME });
}

/**
 * The first bytes of an entry tried before the whole: photos and PDFs hardly deflate, and deflating 3 MB of JPEG only
 * to store it costs more than sealing it (bench/measure-site-package.ts). An entry no longer than the sample gets the
 * same decision as before, so small entries (and the test vectors) keep their bytes.
 */
const COMPRESSIBILITY_SAMPLE = 64 * 1024;

/** DEFLATE when it saves space within the ratio limit, otherwise stored (method 0). */
function zipEntry(bytes: Uint8Array): ZippableFile {
  if (bytes.length > COMPRESSIBILITY_SAMPLE) {
    const sample = bytes.subarray(0, COMPRESSIBILITY_SAMPLE);
    // Not even 1/32 smaller on its first 64 KiB: already compressed (JPEG, PNG, most PDFs); store it.
    if (deflateSync(sample, { level: 6 }).length > sample.length - sample.length / 32) return [bytes, { level: 0 }];
  }
  const deflated = deflateSync(bytes, { level: 6 });
  const worth = deflated.length < bytes.length && bytes.length <= deflated.length * defaultContainerLimits.maxRatio;
  return [bytes, { level: worth ? 6 : 0 }];
}

/**
 * Reads an untrusted container. E_TOO_LARGE when the file exceeds maxFileBytes (checked first);
 * E_CONTAINER, with a detail naming the problem, for anything that is not exactly envelope.json
 * plus blobs/<sha256> within the limits. Never throws.
 */
export function unpackContainer(bytes: Uint8Array, limits?: Partial<ContainerLimits>): Result<UnpackedContainer> {
  const l = withDefaults(limits);
  const [size, limit] = [bytes.byteLength, l.maxFileBytes];
  if (size > limit) return fail('E_TOO_LARGE', `container of ${size} bytes, over ${limit}`, { size, limit });
  try {
    return ok(readZip(bytes, l));
  } catch (error) {
    const detail = error instanceof Refusal ? error.message : 'not a readable zip archive';
    return fail('E_CONTAINER', `container refused: ${detail}`, { detail });
  }
}

/** Defaults for the limits not given; an explicit `undefined` must not switch a check off. */
function withDefaults(limits: Partial<ContainerLimits> = {}): ContainerLimits {
  const merged: { -readonly [K in keyof ContainerLimits]: number } = { ...defaultContainerLimits };
  for (const key of Object.keys(merged) as (keyof ContainerLimits)[]) merged[key] = limits[key] ?? merged[key];
  return merged;
}

/** A precise reason to refuse; anything else thrown while reading means "not a readable zip". */
class Refusal extends Error {}

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly nameBytes: Uint8Array;
}

// Signatures and layouts: PKWARE APPNOTE.TXT 6.3.10, sections 4.3.7 (local header), 4.3.12 (central
// directory header) and 4.3.16 (end of central directory record).
const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const FLAG_ENCRYPTED = 0x0001 | 0x0040; // bit 0: encrypted, bit 6: strong encryption (4.4.4)
const FLAG_DESCRIPTOR = 0x0008; // bit 3: sizes and CRC follow the data, local fields are zero
const [S_IFMT, S_IFREG, S_IFDIR, S_IFLNK] = [0o170000, 0o100000, 0o040000, 0o120000]; // Unix file type bits
const DOS_DIRECTORY = 0x10;

function readZip(bytes: Uint8Array, limits: ContainerLimits): UnpackedContainer {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const need = (at: number, length: number, what: string): void => {
    if (at + length > bytes.length) throw new Refusal(`${what} runs past the end of the file`);
  };

  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes that must end the file.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (u32(at) === END_SIG && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Refusal('not a zip archive');
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0 || u16(end + 8) !== u16(end + 10)) {
    throw new Refusal('split (multi-disk) archives are not supported');
  }
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  const zip64 = count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
  if (zip64 || (end >= 20 && u32(end - 20) === ZIP64_LOCATOR_SIG)) throw new Refusal('ZIP64 is not supported');
  if (count > limits.maxEntries) throw new Refusal(`${count} entries, over the limit of ${limits.maxEntries}`);
  if (cdOffset + cdSize !== end) throw new Refusal('the central directory is not where the end record says');

  const entries: Entry[] = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    need(at, 46, 'the central directory');
    if (u32(at) !== CENTRAL_SIG) throw new Refusal('the central directory is damaged');
    const nameLength = u16(at + 28);
    need(at + 46, nameLength, 'the central directory');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: Entry = {
      name: String.fromCharCode(...nameBytes),
      flags: u16(at + 8),
      method: u16(at + 10),
      crc: u32(at + 16),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
      nameBytes,
    };
    const problem = entryProblem(entry, u32(at + 38), entries, limits);
    if (problem !== undefined) throw new Refusal(`entry ${quote(entry.name)} ${problem}`);
    entries.push(entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  if (at !== end) throw new Refusal('the central directory size does not match its entries');
  if (!entries.some((entry) => entry.name === ENVELOPE)) throw new Refusal('envelope.json is missing');

  // Local headers must agree with the central directory, and entries' data must not overlap
  // (overlapping entries are the trick of non-recursive zip bombs).
  const data = new Map<Entry, Uint8Array>();
  let floor = 0;
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    const q = quote(entry.name);
    const lo = entry.localOffset;
    if (lo < floor) throw new Refusal(`entry ${q} overlaps another entry`);
    need(lo, 30, `entry ${q}`);
    const flags = u16(lo + 6);
    const nameLength = u16(lo + 26);
    const start = lo + 30 + nameLength + u16(lo + 28);
    need(lo + 30, nameLength, `entry ${q}`);
    const agrees =
      u32(lo) === LOCAL_SIG &&
      flags === entry.flags &&
      u16(lo + 8) === entry.method &&
      sameBytes(bytes.subarray(lo + 30, lo + 30 + nameLength), entry.nameBytes) &&
      ((flags & FLAG_DESCRIPTOR) !== 0 ||
        (u32(lo + 14) === entry.crc && u32(lo + 18) === entry.compressedSize && u32(lo + 22) === entry.size));
    if (!agrees) throw new Refusal(`entry ${q}: local header disagrees with the central directory`);
    floor = start + entry.compressedSize;
    if (floor > cdOffset) throw new Refusal(`entry ${q}: data runs into the central directory`);
    data.set(entry, bytes.subarray(start, floor));
  }

  let envelope: Uint8Array = new Uint8Array(0);
  const blobs = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const raw = data.get(entry) ?? new Uint8Array(0);
    const content = entry.method === 0 ? raw.slice() : inflateEntry(raw, entry);
    if (crc32(content) !== entry.crc) throw new Refusal(`entry ${quote(entry.name)} fails its CRC-32 check`);
    const hash = BLOB_NAME.exec(entry.name)?.[1];
    if (hash === undefined) envelope = content;
    else blobs.set(hash, content);
  }
  return { envelope, blobs };
}

/** Every check that needs only the central directory record, most specific first; undefined when it passes. */
function entryProblem(
  entry: Entry,
  external: number,
  earlier: readonly Entry[],
  l: ContainerLimits,
): string | undefined {
  const { name, size, compressedSize: packed, method } = entry;
  const type = (external >>> 16) & S_IFMT;
  if ((entry.flags & FLAG_ENCRYPTED) !== 0 || method === 99) return 'is encrypted';
  if (method !== 0 && method !== 8) return `uses compression method ${method} (only 0, stored, and 8, DEFLATE)`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.includes('\\')) return 'contains a backslash';
  if (name.split('/').includes('..')) return 'contains a parent-directory (..) segment';
  if (name.endsWith('/') || type === S_IFDIR || (external & DOS_DIRECTORY) !== 0) return 'is a directory';
  // The Unix mode is the high half of the external attributes (APPNOTE 4.4.15, Info-ZIP); it is read
  // whatever host the entry claims, so a link cannot hide behind a DOS "version made by".
  if (type === S_IFLNK) return 'is a symbolic link';
  if (type !== 0 && type !== S_IFREG) return 'is not a regular file';
  if (name !== ENVELOPE && !BLOB_NAME.test(name)) return 'is not allowed (only envelope.json and blobs/<sha256 hex>)';
  if (earlier.some((other) => other.name === name)) return 'appears twice';
  if (size > l.maxEntryBytes) return `declares ${size} bytes, over the ${l.maxEntryBytes}-byte limit`;
  if (method === 0 && size !== packed) return 'is stored with two different sizes';
  if (size > packed * l.maxRatio) return `would inflate ${packed} bytes to ${size}, over the ${l.maxRatio}:1 limit`;
  const total = earlier.reduce((sum, other) => sum + other.size, size);
  if (total > l.maxTotalBytes) return `brings the declared total to ${total} bytes, over ${l.maxTotalBytes}`;
  return undefined;
}

// DEFLATE expands at most 1032:1 (RFC 1951 length 258 per ~2 bits), so one slice inflates to at most
// ~16.5 MiB before the size check below sees it: a lying entry is stopped near its declared size.
const SLICE = 16 * 1024;

/** Inflates into a buffer of the declared size; more output than declared is refused, not truncated. */
function inflateEntry(compressed: Uint8Array, entry: Entry): Uint8Array {
  const q = quote(entry.name);
  const out = new Uint8Array(entry.size);
  let filled = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    over ||= filled + chunk.length > out.length;
    if (over) return;
    out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    for (let at = 0; at < compressed.length && !over; at += SLICE) {
      inflater.push(compressed.subarray(at, at + SLICE), at + SLICE >= compressed.length);
    }
  } catch {
    throw new Refusal(`entry ${q} holds corrupt DEFLATE data`);
  }
  if (over) throw new Refusal(`entry ${q} inflates beyond its declared ${entry.size} bytes`);
  if (filled !== entry.size) throw new Refusal(`entry ${q} inflates to ${filled} bytes, not ${entry.size}`);
  return out;
}

/**
 * CRC-32 tables for the reflected polynomial 0xEDB88320 (ISO 3309; APPNOTE 4.4.7), for "slicing by 4" (M. E. Kounavis
 * and F. L. Berry, "A Systematic Approach to Building High Performance Software-Based CRC Generators", ISCC 2005):
 * CRC0 is the usual byte table, CRC1–CRC3 give the CRC of a byte followed by 1–3 zero bytes, so four lookups advance
 * four bytes. Every envelope goes through this: about 8 times faster than a byte per step on 50 kB (docs/performance.md,
 * "Packages"). Int32Array, because the CRC is carried as a signed 32-bit integer.
 */
const CRC0 = Int32Array.from({ length: 256 }, (_, n) => {
  for (let k = 0; k < 8; k++) n = n & 1 ? 0xedb88320 ^ (n >>> 1) : n >>> 1;
  return n;
});
const nextCrcTable = (table: Int32Array): Int32Array => table.map((c) => (CRC0[c & 0xff] ?? 0) ^ (c >>> 8));
const CRC1 = nextCrcTable(CRC0);
const CRC2 = nextCrcTable(CRC1);
const CRC3 = nextCrcTable(CRC2);

/** CRC-32 as zip uses it (ISO 3309, reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF; APPNOTE 4.4.7). */
function crc32(bytes: Uint8Array): number {
  let crc = -1; // 0xFFFFFFFF as a signed 32-bit integer: the tables and the XORs work on int32
  let i = 0;
  // The `?? 0` only satisfy noUncheckedIndexedAccess: every index is in range (a byte, or i < length).
  for (const end = bytes.length - 3; i < end; i += 4) {
    crc ^= (bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8) | ((bytes[i + 2] ?? 0) << 16) | ((bytes[i + 3] ?? 0) << 24);
    crc =
      (CRC3[crc & 0xff] ?? 0) ^
      (CRC2[(crc >>> 8) & 0xff] ?? 0) ^
      (CRC1[(crc >>> 16) & 0xff] ?? 0) ^
      (CRC0[crc >>> 24] ?? 0);
  }
  for (; i < bytes.length; i++) crc = (CRC0[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return ~crc >>> 0;
}

/** A name as it may appear in a message: JSON-escaped (control characters visible), at most 80 characters. */
function quote(name: string): string {
  return JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
