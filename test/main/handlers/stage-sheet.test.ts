import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src-main/handlers/dispatch';
import { demoMaterialPdf } from '../../../src-main/services/demo-material';
import { contract, signedPackageSchema, type ChannelRequest } from '../../../src-shared/contract/channels';
import { decodeBase64Strict, encodeBase64 } from '../../../src-shared/packages/base64';
import type { StageWork } from '../../../src-shared/stages/stage-work';
import { completeSheetItems } from './complete-sheet';
import { errorOf, expertApp, valueOf, type Expert } from './expert-world';
import { demoBundle, enrollmentOf, inboxImport, issue, issueRequest, officeApp, register } from './office-world';

/**
 * A site-visit sheet's whole way (issue 5 items 5–6): the office stores an applicant's PDF and issues a site-visit
 * assignment carrying it and the panel's issues; the expert app imports it, adds three evidence photos and signs the
 * sheet with its stage work; the office's inbox verifies the attachments, accepts it, and serves each photo by its
 * SHA-256. And what main refuses to sign.
 */

let root: string;
let clock: number;
let office: Dispatch;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'scorebook-stage-sheet-'));
  clock = Date.UTC(2026, 5, 1, 8, 0, 0, 0);
  office = await officeApp(join(root, 'office'), () => clock).create();
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
function demoApplicant(index: number) {
  const applicant = demoBundle.applicants[index];
  if (applicant === undefined) throw new Error(`test setup: demo applicant ${index}`);
  return applicant;
}
const kunlan = demoApplicant(0);
const xuelu = demoApplicant(1);

/** A photo's stand-in: `size` bytes from a xorshift generator seeded with `seed` (they do not compress, as photos). */
function photo(seed: number, size: number): Uint8Array {
  let state = seed * 2654435761 || 1;
  return Uint8Array.from({ length: size }, () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state & 255;
  });
}

/** Stores a PDF per demo applicant at the office; the request's materials, the first a commercial secret. */
async function officeMaterials() {
  const materials = [];
  for (const [index, applicant] of demoBundle.applicants.entries()) {
    const bytes = demoMaterialPdf([`Self-assessment report of ${applicant.id}`]);
    const stored = contract['office:material-add'].response.parse(
      valueOf(await office('office:material-add', { name: `${applicant.name}.pdf`, base64: encodeBase64(bytes) })),
    );
    expect(stored).toEqual({
      sha256: sha256(bytes),
      size: bytes.byteLength,
      name: `${applicant.name}.pdf`,
      mediaType: 'application/pdf',
    });
    materials.push({
      applicantId: applicant.id,
      sha256: stored.sha256,
      size: stored.size,
      name: stored.name,
      commercialSecret: index === 0,
    });
  }
  return materials;
}

const panelIssues = demoBundle.applicants.map((applicant) => ({
  id: `panel-${applicant.id}`,
  applicantId: applicant.id,
  itemIds: ['4.2.2'],
  kind: 'verify' as const,
  text: `核实${applicant.name}的战略目标分解记录`,
}));

/** The expert registered at the office with the site-visit assignment for kunlan and xuelu imported and pledged. */
async function siteExpert() {
  const me = await expertApp(join(root, 'expert'), () => clock).expert();
  const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
  const request = issueRequest(expertId, {
    stage: 'site',
    applicants: [kunlan, xuelu],
    materials: await officeMaterials(),
    panelIssues,
  });
  const issued = await issue(office, request);
  const imported = contract['assignments:import'].response.parse(
    valueOf(await me.dispatch('assignments:import', { base64: issued.base64 })),
  );
  const assignmentId = issued.assignmentId;
  valueOf(await me.dispatch('packages:sign-pledge', { assignmentId }));
  const declaration = { assignmentId, applicantId: kunlan.id, conflict: false, grounds: [], correctionReason: null };
  valueOf(await me.dispatch('packages:sign-declaration', declaration));
  return { me, expertId, assignmentId, payload: imported.payload };
}

type SheetRequest = ChannelRequest<'packages:sign-sheet'>;

/** A complete site-visit sheet for kunlan: one carried percent changed with its reason, the issues settled, 3 + 3 key themes. */
function siteSheet(assignmentId: string, evidence: StageWork['evidence']): SheetRequest {
  const items = completeSheetItems();
  const changed = items[10];
  if (changed === undefined || changed.percent === null) throw new Error('test setup: item 10 scored');
  const themes = (['strength', 'ofi'] as const).flatMap((kind) =>
    [1, 2, 3].map((n) => ({ id: `${kind}-${n}`, kind, text: `${kind === 'strength' ? '优势' : '改进'}主题 ${n}` })),
  );
  const work: StageWork = {
    seededFrom: 'defense',
    changes: [
      {
        itemId: changed.itemId,
        fromStage: 'defense',
        previousPercent: changed.percent - 10,
        percent: changed.percent,
        reason: '现场查看了计量器具台账，证据充分',
      },
    ],
    issues: [
      {
        id: 'own-1',
        origin: 'own',
        itemIds: ['4.4.2'],
        kind: 'verify',
        text: '核实员工培训记录',
        evidence: '申报材料第 31 页',
        status: 'confirmed',
        finding: '培训记录完整',
      },
      {
        id: `panel-${kunlan.id}`,
        origin: 'panel',
        itemIds: ['4.2.2'],
        kind: 'verify',
        text: `核实${kunlan.name}的战略目标分解记录`,
        evidence: '',
        status: 'new-finding',
        finding: '分解到班组，但缺少季度回顾',
      },
    ],
    defense: null,
    site: {
      interviews: [
        {
          id: 'iv-1',
          role: '质量部经理',
          at: '2026-06-01T09:30Z',
          topics: '质量目标',
          itemIds: ['4.2.2'],
          findings: '目标逐级分解',
        },
      ],
      documents: [{ id: 'doc-1', title: '计量器具管理办法', number: 'KL-QM-012', page: 3, itemIds: [changed.itemId] }],
      themes,
    },
    evidence,
  };
  return { assignmentId, applicantId: kunlan.id, items, revisionReason: null, work };
}

async function addPhotos(me: Expert, assignmentId: string, photos: Uint8Array[]): Promise<StageWork['evidence']> {
  const links: { itemIds: string[]; issueIds: string[] }[] = [
    { itemIds: ['4.2.2'], issueIds: [] },
    { itemIds: [], issueIds: ['own-1'] },
    { itemIds: ['4.4.2'], issueIds: [`panel-${kunlan.id}`] },
  ];
  const evidence: StageWork['evidence'] = [];
  for (const [index, bytes] of photos.entries()) {
    const stored = contract['evidence:add'].response.parse(
      valueOf(
        await me.dispatch('evidence:add', {
          assignmentId,
          name: `现场照片-${index + 1}.jpg`,
          mediaType: 'image/jpeg',
          base64: encodeBase64(bytes),
        }),
      ),
    );
    const link = links[index % links.length] ?? { itemIds: ['4.2.2'], issueIds: [] };
    evidence.push({ id: `photo-${index + 1}`, ...stored, caption: `照片 ${index + 1}`, ...link });
  }
  return evidence;
}

describe('a site-visit sheet with evidence, expert to office', () => {
  it('carries the assignment’s PDFs and panel issues for its own applicants only', async () => {
    const { me, assignmentId, payload } = await siteExpert();
    expect(payload.materials?.map((m) => m.applicantId)).toEqual([kunlan.id, xuelu.id]);
    expect(payload.panelIssues?.map((i) => i.applicantId)).toEqual([kunlan.id, xuelu.id]);
    const [material] = payload.materials ?? [];
    if (material === undefined) throw new Error('test setup');
    expect(material.commercialSecret).toBe(true);
    const read = contract['materials:read'].response.parse(
      valueOf(await me.dispatch('materials:read', { assignmentId, sha256: material.sha256 })),
    );
    expect(sha256(decodeBase64Strict(read.base64) ?? new Uint8Array())).toBe(material.sha256);
  });

  it('is signed with its photos as attachments, accepted by the inbox, and each photo read back at the office', async () => {
    const { me, expertId, assignmentId } = await siteExpert();
    const photos = [photo(1, 300_000), photo(2, 180_000), photo(3, 90_000)];
    const evidence = await addPhotos(me, assignmentId, photos);
    const [first] = evidence;
    if (first === undefined) throw new Error('test setup: a photo');
    // The same photo linked twice travels once.
    const twice = [...evidence, { ...first, id: 'photo-1-again', caption: '同一张照片' }];
    const signed = signedPackageSchema.parse(
      valueOf(await me.dispatch('packages:sign-sheet', siteSheet(assignmentId, twice))),
    );
    expect(decodeBase64Strict(signed.base64)?.byteLength).toBeGreaterThan(570_000);

    clock += 60_000;
    const [result] = await inboxImport(office, [{ name: signed.fileName, base64: signed.base64 }]);
    expect(result).toMatchObject({ outcome: 'accepted', kind: 'sheet', stage: 'site', expertId, seq: 1 });
    const stored = await readdir(join(root, 'office', 'office', 'attachments'));
    expect(stored.sort()).toEqual(photos.map(sha256).sort());
    for (const bytes of photos) {
      const read = contract['office:attachment-read'].response.parse(
        valueOf(await office('office:attachment-read', { sha256: sha256(bytes) })),
      );
      const back = decodeBase64Strict(read.base64) ?? new Uint8Array();
      expect(sha256(back)).toBe(sha256(bytes));
      expect(Buffer.compare(back, bytes)).toBe(0);
    }
    const listed = contract['office:inbox-list'].response.parse(
      valueOf(await office('office:inbox-list', { cycleId: 'cycle-2026' })),
    );
    const sheet = listed.packages.find((p) => p.payload.kind === 'sheet')?.payload;
    if (sheet?.kind !== 'sheet') throw new Error('expected the sheet in the inbox list');
    expect(sheet.attachments.map((a) => [a.name, a.size])).toEqual([
      ['现场照片-1.jpg', 300_000],
      ['现场照片-2.jpg', 180_000],
      ['现场照片-3.jpg', 90_000],
    ]);
    expect(sheet.work).toEqual(siteSheet(assignmentId, twice).work);
  });

  it('refuses to issue a material the office has not stored, and a file that is not a PDF', async () => {
    const me = await expertApp(join(root, 'expert'), () => clock).expert();
    const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
    const missing = {
      applicantId: kunlan.id,
      sha256: 'd'.repeat(64),
      size: 10,
      name: '自评报告.pdf',
      commercialSecret: false,
    };
    expect(
      errorOf(await office('office:assignment-issue', issueRequest(expertId, { materials: [missing] }))),
    ).toMatchObject({
      code: 'E_MATERIAL_MISSING',
      params: { name: '自评报告.pdf', sha256: 'd'.repeat(64) },
    });
    const word = encodeBase64(new TextEncoder().encode('PK\u0003\u0004 not a pdf'));
    expect(errorOf(await office('office:material-add', { name: '自评报告.docx', base64: word }))).toMatchObject({
      code: 'E_PDF_DAMAGED',
      params: { name: '自评报告.docx' },
    });
    expect(await readdir(join(root, 'office', 'office', 'materials')).catch(() => [])).toEqual([]);
    expect(errorOf(await office('office:attachment-read', { sha256: 'd'.repeat(64) })).code).toBe('E_EVIDENCE_MISSING');
  });
});

describe('what main refuses to sign', () => {
  it('answers E_STAGE_WORK with the problems in both languages, and signs nothing', async () => {
    const { me, assignmentId } = await siteExpert();
    const evidence = await addPhotos(me, assignmentId, [photo(4, 1000)]);
    const good = siteSheet(assignmentId, evidence);
    const patched = (patch: Partial<StageWork>): SheetRequest => ({ ...good, work: { ...good.work, ...patch } });
    const site = good.work.site;
    if (site === null) throw new Error('test setup');
    const cases: [string, SheetRequest, string][] = [
      [
        'an issue left open',
        patched({ issues: good.work.issues.map((i) => ({ ...i, status: 'open' as const })) }),
        'the issue “核实员工培训记录” is still open',
      ],
      [
        'two key strengths',
        patched({ site: { ...site, themes: site.themes.filter((t) => t.id !== 'strength-3') } }),
        '2 key strengths; 3–5 are needed',
      ],
      [
        'six key opportunities',
        patched({
          site: {
            ...site,
            themes: [
              ...site.themes,
              ...[4, 5, 6].map((n) => ({ id: `ofi-${n}`, kind: 'ofi' as const, text: `改进主题 ${n}` })),
            ],
          },
        }),
        '6 key opportunities; 3–5 are needed',
      ],
      [
        'seeded from the material review',
        patched({ seededFrom: 'material', changes: [] }),
        'this stage carries presentation and defense, not material review',
      ],
      [
        'a change that is not the percent sent',
        patched({ changes: good.work.changes.map((c) => ({ ...c, percent: c.percent === 100 ? 95 : c.percent + 5 })) }),
        'the sheet',
      ],
    ];
    for (const [why, request, problem] of cases) {
      const error = errorOf(await me.dispatch('packages:sign-sheet', request));
      expect([why, error.code]).toEqual([why, 'E_STAGE_WORK']);
      expect(String(error.params?.detailEn)).toContain(problem);
      expect(String(error.params?.detail)).not.toBe('');
    }
    // A changed percent without a reason is not even a valid request.
    const noReason = patched({ changes: good.work.changes.map((c) => ({ ...c, reason: '  ' })) });
    const bad = errorOf(await me.dispatch('packages:sign-sheet', noReason));
    expect(bad).toMatchObject({ code: 'E_BAD_REQUEST', params: { detail: expect.stringContaining('reason') } });
    // Evidence whose file this computer does not hold.
    const [first] = evidence;
    if (first === undefined) throw new Error('test setup: a photo');
    const unknown = { ...first, sha256: 'c'.repeat(64) };
    const missing = errorOf(await me.dispatch('packages:sign-sheet', patched({ evidence: [unknown] })));
    expect(missing).toMatchObject({ code: 'E_EVIDENCE_MISSING', params: { sha256: 'c'.repeat(64) } });
    expect(await readdir(join(root, 'expert', 'outbox'))).not.toContainEqual(expect.stringMatching(/-sheet\.qapkg$/));

    expect(signedPackageSchema.parse(valueOf(await me.dispatch('packages:sign-sheet', good))).seq).toBe(1);
  });
});
