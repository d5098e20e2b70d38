import type { Download } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { Result } from '../../src-shared/contract/result';
import { decodeBase64Strict } from '../../src-shared/packages/base64';
import { buildReceipt } from '../../src-shared/packages/build-receipt';
import { openPackage } from '../../src-shared/packages/open-package';
import { declarationPayloadSchema } from '../../src-shared/packages/payload-schemas';
import { packReceiptsFile } from '../../src-shared/packages/receipts-file';
import { openSealed } from '../../src-shared/packages/seal';
import { verifyForOffice } from '../../src-shared/packages/verify-office';
import { secureRandom } from '../../src-main/services/secure-random';
import { makeSigner, memoryOffice, signWith, type Signer } from '../support/package-world';
import { createProfile, demoApplicant, expect, openApplicant, signPledge, test } from './support/fixtures';
import { assignmentFor, enrollFromProfile, makeOffice, type EnrolledExpert, type TestOffice } from './support/office';

const recused = '新疆雪麓乳业有限公司';
const assignmentId = 'urumqi-2026-material-1';

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The office opens a package exactly as its inbox will: sealed to it, the expert's key registered, steps 1–11. */
async function officeAccepts(office: TestOffice, expert: EnrolledExpert, file: Uint8Array) {
  const publicKeyRaw = decodeBase64Strict(expert.signingPublicKey);
  if (publicKeyRaw === undefined) throw new Error('enrollment key');
  const opened = valueOf(
    await openPackage(file, {
      maxFileBytes: 1024 * 1024,
      requireSealed: true,
      acceptedKinds: ['pledge', 'declaration', 'sheet'],
      openSeal: (sealed) => openSealed(office.receiving.privateKeyRaw, sealed),
      keyFor: (fingerprint) =>
        fingerprint === expert.fingerprint ? { publicKeyRaw, owner: expert.id, revoked: false } : undefined,
    }),
  );
  const state = memoryOffice();
  state.cycles.set('urumqi-2026', { open: true, openStages: ['material'] });
  for (const applicantId of ['demo-applicant-kunlan', 'demo-applicant-xuelu', 'demo-applicant-tianshan']) {
    state.assignments.add([expert.id, 'urumqi-2026', 'material', applicantId, assignmentId].join('|'));
  }
  expect(valueOf(await verifyForOffice(opened, state))).toMatchObject({ outcome: 'accept' });
  return opened;
}

async function receipt(signer: Signer, packageId: string, payloadSha256: string): Promise<Uint8Array> {
  const built = await buildReceipt({
    officeId: signer.id,
    keyId: signer.fingerprint,
    sign: signWith(signer),
    cycleId: 'urumqi-2026',
    receiptFor: packageId,
    payloadSha256,
    status: 'accepted',
    acceptedSeq: null,
    nowMs: Date.UTC(2026, 5, 1, 9, 30),
    random: secureRandom,
    appVersion: 'test',
  });
  return valueOf(built).file;
}

test('exported packages (a recusal among them) verify at the office, and its receipts mark them confirmed', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createProfile(page);
  const expert = await enrollFromProfile(page);
  const office = await makeOffice('乌鲁木齐市质量奖评审办公室');
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page.getByLabel('导入任务包（.qapkg）').setInputFiles({
    name: 'assignment.qapkg',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(await assignmentFor(office, expert, '01934a5d-ac96-7abc-8cce-b302099a8060')),
  });
  await signPledge(page);

  // One applicant recused, one declared free of conflicts.
  await page
    .getByRole('row', { name: new RegExp(recused) })
    .getByRole('link', { name: '请先声明利害关系' })
    .click();
  await page.getByLabel('存在利害关系（回避）').check();
  await page.getByLabel('与该组织存在竞争、供应或客户关系').check();
  await page.getByLabel(/与该组织存在竞争.*具体说明/).fill('本单位为其主要供应商');
  await page.getByRole('button', { name: '签署声明' }).click();
  await expect(page.getByRole('heading', { name: `已回避：${recused}` })).toBeVisible();
  await page.getByRole('link', { name: '返回申报组织列表' }).click();
  await openApplicant(page, demoApplicant);

  // The outbox: pledge and two declarations, named; "export all" saves each file.
  await page.getByRole('link', { name: '发件箱' }).click();
  await expect(page.getByText('共 3 个评分包，其中 3 个尚未经办公室回执确认。')).toBeVisible();
  await expect(page.getByTestId('outbox-declaration-demo-applicant-xuelu-1')).toContainText(recused);
  await expect(page.getByTestId('outbox-declaration-demo-applicant-xuelu-1')).toContainText('材料评审');
  const downloads: Promise<Download>[] = [];
  page.on('download', (download) => downloads.push(Promise.resolve(download)));
  await page.getByRole('button', { name: '导出全部未确认的评分包' }).click();
  await expect.poll(() => downloads.length).toBe(3);
  await expect(page.getByRole('row').filter({ hasText: '已导出' })).toHaveCount(3);

  // The office opens and verifies each file; the recusal verifies and says so.
  const files = await Promise.all(downloads.map(async (d) => readFileSync(await (await d).path())));
  const opened = await Promise.all(files.map((file) => officeAccepts(office, expert, file)));
  const recusal = opened
    .filter((o) => o.kind === 'declaration')
    .map((o) => declarationPayloadSchema.parse(o.payload))
    .find((p) => p.applicantId === 'demo-applicant-xuelu');
  expect(recusal).toMatchObject({ conflict: true, grounds: [{ ground: 'business', text: '本单位为其主要供应商' }] });

  // The office answers with one receipts file; a forged receipt and one for a package never sent are refused.
  const ids = opened.map((o) => (o.payload as { packageId: string }).packageId);
  const good = await Promise.all(opened.map((o, i) => receipt(office.signer, ids[i] ?? '', o.payloadSha256)));
  const forged = await receipt(await makeSigner(office.signer.id), ids[0] ?? '', opened[0]?.payloadSha256 ?? '');
  const stranger = await receipt(office.signer, '01934a5d-ac96-7abc-8cce-b302099a8fff', 'ab'.repeat(32));
  const receiptsFile = valueOf(
    packReceiptsFile({
      expertId: expert.id,
      issuedAt: '2026-06-01T10:00:00.000Z',
      receipts: [...good, forged, stranger],
    }),
  );
  const choose = page.getByLabel('选择回执文件（可多选）');
  const upload = { name: 'receipts.qarcpt', mimeType: 'application/octet-stream', buffer: Buffer.from(receiptsFile) };
  await choose.setInputFiles(upload);
  await expect(page.getByTestId('receipt-summary')).toHaveText(
    '已处理 1 个文件：新确认 3 个评分包，0 个此前已确认，2 个问题。',
  );
  const problems = page.getByRole('list', { name: '未能采用的回执' });
  await expect(problems).toContainText('E_KEY_UNKNOWN');
  await expect(problems).toContainText('E_RECEIPT_UNKNOWN');
  await expect(page.getByRole('row').filter({ hasText: '已确认' })).toHaveCount(3);
  await expect(page.getByText('共 3 个评分包，其中 0 个尚未经办公室回执确认。')).toBeVisible();
  await expect(page.getByRole('button', { name: '导出全部未确认的评分包' })).toBeDisabled();

  // The same file again changes nothing, and survives a reload.
  await choose.setInputFiles(upload);
  await expect(page.getByTestId('receipt-summary')).toHaveText(
    '已处理 1 个文件：新确认 0 个评分包，3 个此前已确认，2 个问题。',
  );
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: '已确认' })).toHaveCount(3);
});
