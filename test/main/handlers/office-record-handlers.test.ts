import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src-main/handlers/create-handlers';
import { createDispatch, type Dispatch } from '../../../src-main/handlers/dispatch';
import { secureRandom } from '../../../src-main/services/secure-random';
import { writeTableXlsx } from '../../../src-main/services/xlsx-applicants';
import { contract } from '../../../src-shared/contract/channels';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { sha256Hex } from '../../../src-shared/packages/bytes';
import { verifyEd25519 } from '../../../src-shared/packages/ed25519';
import { canonicalBytes } from '../../../src-shared/packages/jcs';
import { errorOf, passphrase, valueOf } from './expert-world';
import { shippedResourcesDir } from './temp-resources';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const at = Date.parse('2026-06-01T08:00:00.000Z');

async function app(): Promise<{ dispatch: Dispatch; dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'scorebook-office-records-'));
  dirs.push(dataDir);
  const dispatch = createDispatch(
    createHandlers({
      resourcesDir: shippedResourcesDir,
      dataDir,
      transport: 'web',
      appVersion: '1.2.3',
      now: () => at,
      random: secureRandom,
      kdf: { N: 2 ** 10, r: 8, p: 1 },
    }),
  );
  return { dispatch, dataDir };
}

async function officeApp() {
  const world = await app();
  valueOf(await world.dispatch('identity:create-office', { name: '乌鲁木齐市质量奖评审办公室', passphrase }));
  const keys = JSON.parse(await readFile(join(world.dataDir, 'keys.json'), 'utf8')) as {
    signing: { publicKey: string };
  };
  const publicKey = decodeBase64Strict(keys.signing.publicKey);
  if (publicKey === undefined) throw new Error('test setup: office key');
  return { ...world, publicKey };
}

const consensus = {
  applicantId: 'ap-1',
  stage: 'material',
  leaderId: 'expert-1',
  items: [{ itemId: '4.1.1', percent: 55, reason: '现场核实后下调' }],
};

describe('office:sign-record', () => {
  it('signs the SHA-256 of the record’s canonical JSON, with its type, by the office key', async () => {
    const office = await officeApp();
    const signed = contract['office:sign-record'].response.parse(
      valueOf(await office.dispatch('office:sign-record', { recordType: 'consensus', record: consensus })),
    );
    const bytes = canonicalBytes(consensus);
    if (!bytes.ok) throw new Error('test setup: canonical');
    expect(signed.sha256).toBe(await sha256Hex(bytes.value));
    expect(signed.signedAt).toBe('2026-06-01T08:00:00.000Z');
    expect(signed.keyId).toBe(await sha256Hex(office.publicKey));
    const signature = decodeBase64Strict(signed.signature);
    if (signature === undefined) throw new Error('signature is not base64');
    const message = (type: string) => new TextEncoder().encode(`scorebook.office-record/1\n${type}\n${signed.sha256}`);
    expect(await verifyEd25519(office.publicKey, signature, message('consensus'))).toBe(true);
    // The type is bound: the same signature does not pass for a recommendation.
    expect(await verifyEd25519(office.publicKey, signature, message('recommendation'))).toBe(false);
  });

  it('gives the same hash whatever the key order of the record', async () => {
    const office = await officeApp();
    const reordered = { items: consensus.items, stage: 'material', leaderId: 'expert-1', applicantId: 'ap-1' };
    const a = valueOf(await office.dispatch('office:sign-record', { recordType: 'consensus', record: consensus }));
    const b = valueOf(await office.dispatch('office:sign-record', { recordType: 'consensus', record: reordered }));
    expect(contract['office:sign-record'].response.parse(a).sha256).toBe(
      contract['office:sign-record'].response.parse(b).sha256,
    );
  });

  it('is refused on an expert’s installation, while locked, and before any identity exists', async () => {
    const none = await app();
    const request = { recordType: 'consensus', record: consensus };
    expect(errorOf(await none.dispatch('office:sign-record', request)).code).toBe('E_NO_PROFILE');
    const expert = await app();
    const profile = { name: '李四', workUnit: '新疆质量协会', title: '', phone: '', fields: [] };
    valueOf(await expert.dispatch('identity:create', { profile, passphrase }));
    expect(errorOf(await expert.dispatch('office:sign-record', request)).code).toBe('E_NOT_OFFICE');
    const office = await officeApp();
    valueOf(await office.dispatch('identity:lock', {}));
    expect(errorOf(await office.dispatch('office:sign-record', request)).code).toBe('E_LOCKED');
  });
});

describe('office:xlsx-write and office:xlsx-read', () => {
  it('round-trip rows of text, keeping long digit strings, dates and Chinese exactly', async () => {
    const office = await officeApp();
    const rows = [
      ['名称', '统一社会信用代码', '成立日期'],
      ['新疆天山制造有限公司', '91650100123456789X', '2015-03-01'],
      ['乌鲁木齐“量子”科技', '916501001234567890', ''],
    ];
    const written = contract['office:xlsx-write'].response.parse(
      valueOf(await office.dispatch('office:xlsx-write', { sheetName: '结果', rows })),
    );
    const bytes = decodeBase64Strict(written.base64);
    if (bytes === undefined) throw new Error('not base64');
    // Another reader sees the same cells (typed as text).
    const sheet = await readSheet(Buffer.from(bytes));
    expect(sheet[1]?.[1]).toBe('91650100123456789X');
    const read = contract['office:xlsx-read'].response.parse(
      valueOf(await office.dispatch('office:xlsx-read', { base64: written.base64 })),
    );
    expect(read.errors).toEqual([]);
    // Rows are as wide as the header: an empty last cell reads back as ''.
    expect(read.rows.map((row) => row.cells)).toEqual(rows);
    expect(read.rows.map((row) => row.line)).toEqual([1, 2, 3]);
  });

  it('answers a file that is not a workbook with E_XLSX_READ, and bad base64 with E_BAD_REQUEST', async () => {
    const office = await officeApp();
    const notXlsx = encodeBase64(new TextEncoder().encode('名称,代码\n甲,1\n'));
    expect(errorOf(await office.dispatch('office:xlsx-read', { base64: notXlsx })).code).toBe('E_XLSX_READ');
    expect(errorOf(await office.dispatch('office:xlsx-read', { base64: 'a' })).code).toBe('E_BAD_REQUEST');
  });

  it('writes a bold header row that stays frozen (the writer used by the applicants export too)', async () => {
    const bytes = await writeTableXlsx('表', [
      ['甲', '乙'],
      ['1', '2'],
    ]);
    expect(bytes.byteLength).toBeGreaterThan(100);
    expect(await readSheet(Buffer.from(bytes))).toEqual([
      ['甲', '乙'],
      ['1', '2'],
    ]);
  });
});
