import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { secureRandom } from '../../../src-main/services/secure-random';
import { contract } from '../../../src-shared/contract/channels';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { buildPackage } from '../../../src-shared/packages/build-package';
import { packContainer, unpackContainer } from '../../../src-shared/packages/container';
import type { DeclarationPayload, PackageKind, SheetPayload } from '../../../src-shared/packages/payload-schemas';
import { sealTo } from '../../../src-shared/packages/seal';
import { uuidV7 } from '../../../src-shared/packages/uuid-v7';
import { packageFile, sheetPayload, signWith } from '../../support/package-world';
import { errorOf, valueOf } from './expert-world';
import { handMadeExpert, inboxImport, issue, issueRequest, officeApp, type HandMadeExpert } from './office-world';

/**
 * The office's side of a sheet's attachments (docs/package-format.md §2.3, step 10), with an expert whose keys the
 * test holds, so it can send what the expert app never would: a site-visit sheet whose photo was changed after
 * signing (re-packed under the same name and sealed to the office again) is refused with E_ATTACHMENT and nothing
 * of it is kept; the intact sheet is accepted with its photos kept by SHA-256, a damaged copy repaired.
 */

let root: string;
let clock: number;
let office: Dispatch;
let officeKey: Uint8Array;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-office-attachments-'));
  clock = Date.UTC(2026, 6, 1, 8, 0, 0, 0);
  office = await officeApp(root, () => clock).create();
  const keys = JSON.parse(await readFile(join(root, 'keys.json'), 'utf8')) as { receiving: { publicKey: string } };
  officeKey = decodeBase64Strict(keys.receiving.publicKey) ?? new Uint8Array();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const attachmentsDir = () => join(root, 'office', 'attachments');
const applicantId = 'demo-applicant-kunlan';
const photos = [1, 2, 3].map((n) => Uint8Array.from({ length: 5000 * n }, (_, i) => (i * n * 37 + (i >> 3)) & 255));

function common(expert: HandMadeExpert) {
  return {
    packageId: uuidV7(clock++, secureRandom),
    cycleId: 'cycle-2026',
    issuer: expert.signer.id,
    keyId: expert.signer.fingerprint,
    createdAt: '2026-07-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
  };
}

/** A site-visit sheet listing the three photos as attachments and as evidence of one item each. */
function siteSheet(expert: HandMadeExpert, chain: { assignmentId: string; assignmentHash: string }): SheetPayload {
  const attachments = photos.map((bytes, i) => ({
    sha256: sha256(bytes),
    size: bytes.byteLength,
    name: `现场照片-${i + 1}.jpg`,
    mediaType: 'image/jpeg',
  }));
  const evidence = attachments.map((a, i) => ({
    id: `photo-${i}`,
    ...a,
    caption: '',
    itemIds: ['4.1.2'],
    issueIds: [],
  }));
  return sheetPayload(expert.signer, {
    ...common(expert),
    stage: 'site',
    applicantId,
    ...chain,
    attachments,
    work: { seededFrom: null, changes: [], issues: [], defense: null, site: null, evidence },
  });
}

async function sealed(expert: HandMadeExpert, kind: PackageKind, payload: object, blobs: Uint8Array[] = []) {
  const file = await packageFile(expert.signer, kind, payload, { sealTo: officeKey, blobs });
  return { name: `${kind}.qapkg`, base64: encodeBase64(file) };
}

/** The sheet signed as it is, then one photo's bytes changed inside the container under its listed name. */
async function tampered(expert: HandMadeExpert, payload: SheetPayload) {
  const built = await buildPackage({
    kind: 'sheet',
    payload,
    keyId: expert.signer.fingerprint,
    sign: signWith(expert.signer),
  });
  if (!built.ok) throw new Error('test setup: build');
  const unpacked = unpackContainer(built.value.file);
  if (!unpacked.ok) throw new Error('test setup: unpack');
  const blobs = photos.map((bytes) => ({ sha256: sha256(bytes), bytes }));
  const [first] = blobs;
  if (first === undefined) throw new Error('test setup');
  const changed = Uint8Array.from(first.bytes);
  changed[100] = (changed[100] ?? 0) ^ 0x01;
  const container = packContainer({
    envelope: unpacked.value.envelope,
    blobs: [{ ...first, bytes: changed }, ...blobs.slice(1)],
  });
  const file = await sealTo(officeKey, container);
  if (!file.ok) throw new Error('test setup: seal');
  return { name: 'sheet-tampered.qapkg', base64: encodeBase64(file.value) };
}

async function assigned() {
  const expert = await handMadeExpert();
  valueOf(await office('office:experts-import', { files: [expert.enrollment] }));
  const expertId = expert.signer.id;
  valueOf(
    await office('office:expert-confirm', { expertId, fingerprint: expert.signer.fingerprint, confirmedBy: '王五' }),
  );
  const issued = await issue(office, issueRequest(expertId, { stage: 'site' }));
  const chain = { assignmentId: issued.assignmentId, assignmentHash: issued.payloadSha256 };
  const declaration: DeclarationPayload = {
    schema: 'scorebook.declaration/1',
    kind: 'declaration',
    ...common(expert),
    stage: 'site',
    applicantId,
    ...chain,
    seq: 1,
    prevHash: null,
    conflict: false,
    grounds: [],
    correctionReason: null,
  };
  expect(await inboxImport(office, [await sealed(expert, 'declaration', declaration)])).toMatchObject([
    { outcome: 'accepted' },
  ]);
  return { expert, chain };
}

describe('a sheet’s attachments at the office', () => {
  it('refuses a photo changed after signing with E_ATTACHMENT naming it, and keeps none of its photos', async () => {
    const { expert, chain } = await assigned();
    const payload = siteSheet(expert, chain);
    const [refused] = await inboxImport(office, [await tampered(expert, payload)]);
    expect(refused).toMatchObject({ outcome: 'rejected', code: 'E_ATTACHMENT', params: { name: '现场照片-1.jpg' } });
    expect(await readdir(attachmentsDir()).catch(() => [])).toEqual([]);
    // A sheet that lists a photo it does not carry is refused the same way.
    const [missing] = await inboxImport(office, [
      await sealed(expert, 'sheet', siteSheet(expert, chain), photos.slice(1)),
    ]);
    expect(missing).toMatchObject({ outcome: 'rejected', code: 'E_ATTACHMENT', params: { name: '现场照片-1.jpg' } });

    const [accepted] = await inboxImport(office, [await sealed(expert, 'sheet', payload, photos)]);
    expect(accepted).toMatchObject({ outcome: 'accepted', kind: 'sheet', stage: 'site' });
    expect((await readdir(attachmentsDir())).sort()).toEqual(photos.map(sha256).sort());
  });

  it('serves an attachment only while its file hashes to its name, and a revision repairs a damaged one', async () => {
    const { expert, chain } = await assigned();
    const [first] = await inboxImport(office, [await sealed(expert, 'sheet', siteSheet(expert, chain), photos)]);
    if (first?.outcome !== 'accepted') throw new Error('test setup: sheet refused');
    const [photo] = photos;
    if (photo === undefined) throw new Error('test setup');
    await writeFile(join(attachmentsDir(), sha256(photo)), 'damaged');
    expect(errorOf(await office('office:attachment-read', { sha256: sha256(photo) }))).toMatchObject({
      code: 'E_EVIDENCE_MISSING',
      params: { sha256: sha256(photo) },
    });
    // A revision carrying the same photo puts the right bytes back.
    const revision = {
      ...siteSheet(expert, chain),
      seq: 2,
      prevHash: first.payloadSha256,
      revisionReason: '补充照片说明',
    };
    expect(await inboxImport(office, [await sealed(expert, 'sheet', revision, photos)])).toMatchObject([
      { outcome: 'accepted', seq: 2 },
    ]);
    const read = contract['office:attachment-read'].response.parse(
      valueOf(await office('office:attachment-read', { sha256: sha256(photo) })),
    );
    expect(sha256(decodeBase64Strict(read.base64) ?? new Uint8Array())).toBe(sha256(photo));
  });
});
