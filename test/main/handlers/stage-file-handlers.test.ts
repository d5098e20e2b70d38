import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../src-shared/contract/channels';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import { buildPackage } from '../../../src-shared/packages/build-package';
import { packContainer, unpackContainer } from '../../../src-shared/packages/container';
import type { AssignmentPayload } from '../../../src-shared/packages/payload-schemas';
import { sealTo } from '../../../src-shared/packages/seal';
import { defaultStageSetup } from '../../../src-shared/stages/stage-setup';
import { signWith } from '../../support/package-world';
import {
  errorOf,
  expertApp,
  importDemo,
  officeAssignmentPayload,
  testOffice,
  valueOf,
  type Expert,
  type TestOffice,
} from './expert-world';

/**
 * The expert's files of issue 5 through dispatch: the applicants' PDFs an assignment carries (checked against the
 * container's blobs at import, kept by SHA-256, served only after a declaration and never to a recused expert) and
 * the evidence files (refused over the cycle's limit before anything is kept).
 */

let dataDir: string;
let clock: number;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'scorebook-stage-files-'));
  clock = Date.UTC(2026, 4, 1, 8, 0, 0, 0);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const filesIn = async (folder: string): Promise<string[]> => readdir(join(dataDir, folder)).catch(() => []);

/** Declares on the applicant (pledging the cycle first if needed), with or without a conflict. */
async function declare(me: Expert, assignmentId: string, applicantId: string, conflict = false) {
  const status = contract['assignments:status'].response.parse(
    valueOf(await me.dispatch('assignments:status', { assignmentId })),
  );
  if (!status.pledged) valueOf(await me.dispatch('packages:sign-pledge', { assignmentId }));
  const grounds = conflict ? [{ ground: 'consulting', text: '曾为该组织提供咨询' }] : [];
  valueOf(
    await me.dispatch('packages:sign-declaration', {
      assignmentId,
      applicantId,
      conflict,
      grounds,
      correctionReason: null,
    }),
  );
}

async function readMaterial(me: Expert, assignmentId: string, sha: string) {
  return me.dispatch('materials:read', { assignmentId, sha256: sha });
}

describe('the demo assignment’s materials', () => {
  it('carries one PDF per applicant, one a commercial secret, kept by SHA-256 and read back after a declaration', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const { payload } = await importDemo(me);
    const materials = payload.materials ?? [];
    expect(materials.map((m) => m.applicantId)).toEqual(payload.assignment.applicantIds);
    expect(materials.filter((m) => m.commercialSecret)).toHaveLength(1);
    expect((await filesIn('materials')).sort()).toEqual(materials.map((m) => m.sha256).sort());

    const [first, second] = materials;
    if (first === undefined || second === undefined) throw new Error('test setup: two materials');
    const assignmentId = payload.assignment.id;
    expect(errorOf(await readMaterial(me, assignmentId, first.sha256))).toMatchObject({
      code: 'E_BAD_REQUEST',
      params: { detail: 'declare first' },
    });
    await declare(me, assignmentId, first.applicantId);
    const read = contract['materials:read'].response.parse(valueOf(await readMaterial(me, assignmentId, first.sha256)));
    const bytes = decodeBase64Strict(read.base64) ?? new Uint8Array();
    expect(sha256(bytes)).toBe(first.sha256);
    expect(bytes.byteLength).toBe(first.size);
    expect(String.fromCharCode(...bytes.subarray(0, 5))).toBe('%PDF-');

    // A recused expert sees nothing of the applicant, the PDF included.
    await declare(me, assignmentId, second.applicantId, true);
    expect(errorOf(await readMaterial(me, assignmentId, second.sha256)).code).toBe('E_RECUSED');
  });

  it('serves only a material of the named assignment, and reports one gone or changed on disk', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const { payload } = await importDemo(me);
    const assignmentId = payload.assignment.id;
    const [first] = payload.materials ?? [];
    if (first === undefined) throw new Error('test setup: a material');
    await declare(me, assignmentId, first.applicantId);
    expect(errorOf(await readMaterial(me, assignmentId, 'f'.repeat(64))).code).toBe('E_NOT_ASSIGNED');
    expect(errorOf(await readMaterial(me, 'another-assignment', first.sha256)).code).toBe('E_NOT_ASSIGNED');

    await writeFile(join(dataDir, 'materials', first.sha256), '%PDF-1.4 changed');
    expect(errorOf(await readMaterial(me, assignmentId, first.sha256))).toMatchObject({
      code: 'E_MATERIAL_MISSING',
      params: { name: first.name, sha256: first.sha256 },
    });
    await rm(join(dataDir, 'materials', first.sha256));
    expect(errorOf(await readMaterial(me, assignmentId, first.sha256)).code).toBe('E_MATERIAL_MISSING');
    // Importing the assignment again puts the file back.
    await importDemo(me);
    expect(valueOf(await readMaterial(me, payload.assignment.id, first.sha256))).toBeDefined();
  });
});

/** Signs `payload` as `office` with `blobs` packed under the names given (a name need not be the bytes' hash). */
async function sealedAssignment(
  me: Expert,
  office: TestOffice,
  payload: AssignmentPayload,
  blobs: { sha256: string; bytes: Uint8Array }[],
): Promise<string> {
  const built = await buildPackage({
    kind: 'assignment',
    payload,
    keyId: office.signer.fingerprint,
    sign: signWith(office.signer),
  });
  if (!built.ok) throw new Error('test setup: build');
  const unpacked = unpackContainer(built.value.file);
  if (!unpacked.ok) throw new Error('test setup: unpack');
  const sealed = await sealTo(me.receivingPublicKey, packContainer({ envelope: unpacked.value.envelope, blobs }));
  if (!sealed.ok) throw new Error('test setup: seal');
  return encodeBase64(sealed.value);
}

describe('an assignment whose materials do not match its blobs', () => {
  it('is refused with E_ATTACHMENT naming the file, and nothing of it is kept', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const office = await testOffice();
    const { payload, blobs } = await officeAssignmentPayload(me, office);
    const [material] = payload.materials ?? [];
    if (material === undefined) throw new Error('test setup: a material');
    await rm(join(dataDir, 'materials'), { recursive: true });
    const named = blobs.map((bytes) => ({ sha256: sha256(bytes), bytes }));
    const [first, ...rest] = named;
    if (first === undefined) throw new Error('test setup: a blob');
    const changed = Uint8Array.from(first.bytes);
    changed[changed.length - 2] = 0x21;
    const extra = new TextEncoder().encode('未列出的文件');
    const cases: [string, { sha256: string; bytes: Uint8Array }[], string][] = [
      ['a changed byte under the listed name', [{ sha256: first.sha256, bytes: changed }, ...rest], material.name],
      ['a blob left out', rest, material.name],
      ['a blob nobody listed', [...named, { sha256: sha256(extra), bytes: extra }], sha256(extra)],
    ];
    for (const [why, variant, name] of cases) {
      const base64 = await sealedAssignment(me, office, payload, variant);
      const error = errorOf(await me.dispatch('assignments:import', { base64 }));
      expect([why, error.code, error.params?.name]).toEqual([why, 'E_ATTACHMENT', name]);
    }
    expect(await filesIn('materials')).toEqual([]);
    expect(valueOf(await me.dispatch('office:pin', {}))).toMatchObject({ fingerprint: null });
    expect(errorOf(await me.dispatch('assignments:status', { assignmentId: 'assignment-real' })).code).toBe(
      'E_NOT_ASSIGNED',
    );
    // The same assignment with its blobs intact imports, and pins the office key.
    const intact = await sealedAssignment(me, office, payload, named);
    expect(valueOf(await me.dispatch('assignments:import', { base64: intact }))).toMatchObject({ pinned: 'new' });
    expect((await filesIn('materials')).sort()).toEqual(named.map((blob) => blob.sha256).sort());
  });
});

describe('evidence files', () => {
  const photo = new TextEncoder().encode('车间现场照片（示例字节）');
  const add = (me: Expert, assignmentId: string, bytes: Uint8Array, name = '车间.jpg') =>
    me.dispatch('evidence:add', { assignmentId, name, mediaType: 'image/jpeg', base64: encodeBase64(bytes) });

  it('are stored once by SHA-256 and read back; a file gone or changed is E_EVIDENCE_MISSING', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const assignmentId = (await importDemo(me)).payload.assignment.id;
    const stored = valueOf(await add(me, assignmentId, photo));
    expect(stored).toEqual({
      sha256: sha256(photo),
      size: photo.byteLength,
      name: '车间.jpg',
      mediaType: 'image/jpeg',
    });
    valueOf(await add(me, assignmentId, photo, '同一张照片.jpg'));
    expect(await filesIn('evidence')).toEqual([sha256(photo)]);
    const read = contract['evidence:read'].response.parse(
      valueOf(await me.dispatch('evidence:read', { sha256: sha256(photo) })),
    );
    expect(decodeBase64Strict(read.base64)).toEqual(photo);

    expect(errorOf(await me.dispatch('evidence:read', { sha256: 'e'.repeat(64) }))).toMatchObject({
      code: 'E_EVIDENCE_MISSING',
      params: { sha256: 'e'.repeat(64) },
    });
    await writeFile(join(dataDir, 'evidence', sha256(photo)), 'changed');
    expect(errorOf(await me.dispatch('evidence:read', { sha256: sha256(photo) })).code).toBe('E_EVIDENCE_MISSING');
    expect(errorOf(await add(me, 'another-assignment', photo)).code).toBe('E_NOT_ASSIGNED');
  });

  it('over the cycle’s limit are refused with the size and limit before anything is stored', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const office = await testOffice();
    const stageSetup = { ...defaultStageSetup, evidenceMaxBytes: 16 };
    const { payload, blobs } = await officeAssignmentPayload(me, office, { stageSetup });
    await rm(join(dataDir, 'evidence'), { recursive: true, force: true });
    const named = blobs.map((bytes) => ({ sha256: sha256(bytes), bytes }));
    valueOf(await me.dispatch('assignments:import', { base64: await sealedAssignment(me, office, payload, named) }));

    expect(valueOf(await add(me, 'assignment-real', new Uint8Array(16)))).toMatchObject({ size: 16 });
    await rm(join(dataDir, 'evidence'), { recursive: true });
    const error = errorOf(await add(me, 'assignment-real', new Uint8Array(17), '全景.jpg'));
    expect(error).toMatchObject({ code: 'E_EVIDENCE_TOO_LARGE', params: { name: '全景.jpg', size: 17, limit: 16 } });
    expect(await filesIn('evidence')).toEqual([]);
  });

  it('under the default limit of 20 MiB when the assignment sets none, judged before decoding', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const assignmentId = (await importDemo(me)).payload.assignment.id;
    // 27,962,028 base64 characters are 20 MiB + 1 byte; not one of them is decoded or written.
    const base64 = 'A'.repeat(((20 * 1024 * 1024 + 1) / 3) * 4);
    const error = errorOf(
      await me.dispatch('evidence:add', { assignmentId, name: '视频.mp4', mediaType: 'video/mp4', base64 }),
    );
    expect(error).toMatchObject({
      code: 'E_EVIDENCE_TOO_LARGE',
      params: { size: 20 * 1024 * 1024 + 1, limit: 20 * 1024 * 1024 },
    });
    expect(await filesIn('evidence')).toEqual([]);
  });

  it('need the unlocked expert', async () => {
    const me = await expertApp(dataDir, () => clock).expert();
    const assignmentId = (await importDemo(me)).payload.assignment.id;
    valueOf(await me.dispatch('identity:lock', {}));
    expect(errorOf(await add(me, assignmentId, photo)).code).toBe('E_LOCKED');
    expect(errorOf(await me.dispatch('evidence:read', { sha256: sha256(photo) })).code).toBe('E_LOCKED');
    expect(errorOf(await readMaterial(me, assignmentId, sha256(photo))).code).toBe('E_LOCKED');
  });
});
