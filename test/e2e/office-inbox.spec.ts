import type { Page } from '@playwright/test';
import { emptyStageWork } from '../../src-shared/stages/stage-work';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatch } from '../../src-main/handlers/dispatch';
import { contract } from '../../src-shared/contract/channels';
import type { Result } from '../../src-shared/contract/result';
import { decodeBase64Strict, encodeBase64 } from '../../src-shared/packages/base64';
import { completeSheetItems } from '../main/handlers/complete-sheet';
import { expertApp, valueOf, type Expert } from '../main/handlers/expert-world';
import { enrollmentOf, issue, issueRequest, realCycle, register } from '../main/handlers/office-world';
import { expect, test } from './support/fixtures';
import { createCycle, createOffice, cycleName, holdNextCall } from './support/office-applicants';

/**
 * The office's inbox end to end: the office is made in the browser; the expert is a real expert app driven in Node
 * (expert-world), registered and assigned through the office's own handlers, and signs real packages sealed to the
 * office. The files are then imported through the page as the office would, from a picker and from a folder.
 */

/** The office's handlers as the page reaches them: POST /rpc with the page's token, from the page's origin. */
function officeRpc(page: Page): Dispatch {
  return async (channel, input) =>
    (await page.evaluate(
      async ({ channel, input }) => {
        const response = await fetch(`/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Scorebook-Token': localStorage.getItem('scorebook.token') ?? '',
          },
          body: JSON.stringify(input),
        });
        return (await response.json()) as unknown;
      },
      { channel, input },
    )) as Result<unknown>;
}

async function createOfficeAndCycle(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await createOffice(page);
  await createCycle(page, cycleName);
  const cycleId = /#\/office\/cycles\/([^/]+)/.exec(page.url())?.[1];
  if (cycleId === undefined) throw new Error(`no cycle id in ${page.url()}`);
  return decodeURIComponent(cycleId);
}

/** Signs, as the expert app does, a pledge, two "no conflict" declarations and one score sheet. */
async function expertPackages(me: Expert, assignmentId: string, applicantIds: readonly string[]) {
  const sign = async <C extends 'packages:sign-pledge' | 'packages:sign-declaration' | 'packages:sign-sheet'>(
    channel: C,
    request: unknown,
  ) => contract[channel].response.parse(valueOf(await me.dispatch(channel, request)));
  const [first = '', second = ''] = applicantIds;
  const declare = (applicantId: string) =>
    sign('packages:sign-declaration', {
      assignmentId,
      applicantId,
      conflict: false,
      grounds: [],
      correctionReason: null,
    });
  return [
    await sign('packages:sign-pledge', { assignmentId }),
    await declare(first),
    await declare(second),
    await sign('packages:sign-sheet', {
      assignmentId,
      applicantId: first,
      items: completeSheetItems(),
      revisionReason: null,
      work: emptyStageWork('material', null),
    }),
  ];
}

test('the office imports experts’ packages with progress, sees duplicates and refusals, and exports receipts', async ({
  page,
  host,
}) => {
  const work = mkdtempSync(join(tmpdir(), 'scorebook-inbox-'));
  try {
    const cycleId = await createOfficeAndCycle(page, host.url);
    const office = officeRpc(page);

    // A real expert app in Node: enrolled and confirmed at the office, then assigned all three demo applicants.
    const me = await expertApp(join(work, 'expert'), () => Date.now()).expert();
    const expertId = await register(office, await enrollmentOf(me), me.fingerprint);
    const issued = await issue(office, issueRequest(expertId, { cycle: { ...realCycle, id: cycleId } }));
    valueOf(await me.dispatch('assignments:import', { base64: issued.base64 }));
    const signed = await expertPackages(me, issued.assignmentId, issued.applicantIds);
    const sheet = signed[3];
    if (sheet === undefined) throw new Error('test setup: no sheet');

    // The files as the expert hands them in, and a copy of the sheet with one byte changed.
    const paths = signed.map((item) => {
      const path = join(work, item.fileName);
      writeFileSync(path, decodeBase64Strict(item.base64) ?? new Uint8Array());
      return path;
    });
    const tampered = decodeBase64Strict(sheet.base64) ?? new Uint8Array();
    const at = Math.floor(tampered.length / 2);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const tamperedPath = join(work, 'tampered.qapkg');
    writeFileSync(tamperedPath, tampered);

    await page.getByRole('link', { name: '收件箱' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '收件箱' })).toBeVisible();
    await expect(page.getByText('本周期尚未签发任务包')).toHaveCount(0);
    await expect(page.getByTestId('inbox-experts')).toContainText('0 / 3 份');

    // Hold the import call until the progress bar has been seen.
    const release = await holdNextCall(page, 'office:inbox-import');
    await page.getByLabel('选择文件…').setInputFiles([...paths, tamperedPath]);
    await expect(page.getByRole('progressbar', { name: '导入进度' })).toBeVisible();
    await expect(page.getByTestId('inbox-progress')).toHaveText('已处理 0 / 5 个文件');
    // The pickers wait for this import; the rest of the page stays shown and live meanwhile.
    await expect(page.getByText('正在导入，完成后可继续拖放。')).toBeVisible();
    await expect(page.getByTestId('inbox-experts')).toBeVisible();
    release();

    await expect(page.getByTestId('inbox-summary')).toHaveText('本次导入 5 个文件：接受 4，重复 0，拒收 1');
    const accepted = page.getByTestId('inbox-accepted');
    const sheetRow = accepted.getByRole('row', { name: new RegExp(sheet.fileName) });
    await expect(sheetRow).toContainText('评分表');
    await expect(sheetRow).toContainText('李四');
    await expect(sheetRow).toContainText('材料评审');
    await expect(sheetRow).toContainText('已接受');
    const receiptId = (await sheetRow.getByTestId('receipt-id').textContent()) ?? '';
    expect(receiptId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(accepted.getByRole('row', { name: /pledge-/ })).toContainText('保密承诺');
    await expect(accepted.getByRole('row', { name: /declaration-/ })).toHaveCount(2);

    const rejected = page.getByTestId('inbox-rejected');
    const refusedRow = rejected.getByRole('row', { name: /tampered\.qapkg/ });
    await expect(refusedRow).toContainText('E_SEAL');
    await expect(refusedRow).toContainText('无法解密此评分包：它不是发给本机密钥的，或已损坏。');
    await expect(page.getByText('拒收的文件原样保留在办公室收件目录').first()).toBeVisible();

    // The standing inbox: counts, the expert's progress, and the refusal kept.
    await expect(page.getByTestId('inbox-counts')).toContainText('评分表 1 份、回避声明 2 份、保密承诺 1 份');
    await expect(page.getByTestId('inbox-experts').getByRole('row', { name: /李四/ })).toContainText('1 / 3 份');
    await expect(page.getByTestId('inbox-all-rejected')).toContainText('tampered.qapkg');

    // The same files again, from a folder with a stray file: duplicates answered with the original receipts.
    const folder = join(work, 'usb');
    mkdirSync(folder);
    for (const path of paths) copyFileSync(path, join(folder, path.slice(work.length + 1)));
    writeFileSync(join(folder, 'readme.txt'), '评分包');
    await page.getByLabel('选择文件夹…').setInputFiles(folder);
    await expect(page.getByTestId('inbox-summary')).toHaveText('本次导入 4 个文件：接受 0，重复 4，拒收 0');
    await expect(page.getByText('另有 1 个不是 .qapkg 的文件未导入。')).toBeVisible();
    const again = page.getByTestId('inbox-accepted').getByRole('row', { name: new RegExp(sheet.fileName) });
    await expect(again).toContainText('已收到（重复）');
    await expect(again.getByTestId('receipt-id')).toHaveText(receiptId);
    await expect(page.getByTestId('inbox-counts')).toContainText('评分表 1 份、回避声明 2 份、保密承诺 1 份');

    // The expert's receipts as one .qarcpt, which the expert app verifies and takes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 李四 的回执' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.qarcpt$/);
    await expect(page.getByTestId('receipts-exported')).toContainText('4 张回执');
    const receipts = contract['receipts:import'].response.parse(
      valueOf(await me.dispatch('receipts:import', { base64: encodeBase64(readFileSync(await download.path())) })),
    );
    expect(receipts.rejected).toEqual([]);
    expect(receipts.receipts).toHaveLength(4);

    // The refusal reads in English too.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('inbox-all-rejected')).toContainText(
      'This package cannot be opened: it was not sealed to this key, or it is damaged.',
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
