import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { readEnrollment, type EnrolledExpert } from '../test/e2e/support/office';

/**
 * The app's three gates, passed the way the e2e tests pass them (test/e2e/support/fixtures.ts): the
 * expert profile on first run, the cycle's pledge, and a signed "no conflict" declaration per applicant.
 */

const passphrase = '审慎公正 评审 2026';

/** First run: opens the app and fills in the expert profile and passphrase, as `createProfile` does. */
export async function createBenchProfile(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { name: '选择本机的用途' }).waitFor();
  await page.getByRole('button', { name: /^评审专家：/ }).click();
  await page.getByRole('heading', { name: '建立评审专家档案' }).waitFor();
  await page.getByLabel('姓名').fill('李明');
  await page.getByLabel('工作单位').fill('新疆质量研究院');
  await page.getByLabel('职称').fill('高级工程师');
  await page.getByLabel('联系电话').fill('+86 991 1234567');
  await page.getByLabel('专业领域（用逗号或顿号分隔）').fill('卓越绩效、质量管理');
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '生成密钥并建立档案' }).click();
  await page.getByRole('heading', { level: 1, name: '评审任务' }).waitFor();
}

/** Exports the enrollment package from the profile page and reads it as the office would. */
export async function exportEnrollment(page: Page): Promise<EnrolledExpert> {
  await page.getByRole('link', { name: /专家档案与安全/ }).click();
  const shown = (await page.getByTestId('fingerprint').textContent()) ?? '';
  const fingerprint = shown.replace(/ /g, '').toLowerCase();
  await page.getByRole('button', { name: '导出登记包（交办公室）' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^下载 / }).click(),
  ]);
  return readEnrollment(readFileSync(await download.path()), fingerprint);
}

/** Imports an assignment package through the home page's file input, then signs the new cycle's pledge. */
export async function importAndPledge(page: Page, file: Uint8Array): Promise<void> {
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page
    .getByLabel('导入任务包（.qapkg）')
    .setInputFiles({ name: 'bench.qapkg', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  await page.getByRole('heading', { name: '保密承诺' }).waitFor();
  await page.getByLabel('我已阅读并同意遵守以上承诺').check();
  await page.getByRole('button', { name: '签署保密承诺' }).click();
  await page.getByRole('heading', { level: 1, name: /申报组织/ }).waitFor();
}

/**
 * Signs "no conflict" for every applicant through main's contract (`packages:sign-declaration`), from the
 * page so its origin and stored token pass the host's checks. One at a time, as the records file is
 * updated in place. Throws with main's answer on the first refusal.
 */
export async function declareNoConflictForAll(
  page: Page,
  assignmentId: string,
  applicantIds: readonly string[],
): Promise<void> {
  const refusal = await page.evaluate(
    async ({ assignmentId: assignment, applicantIds: ids }) => {
      const token = localStorage.getItem('scorebook.token') ?? '';
      for (const applicantId of ids) {
        const response = await fetch(`/rpc/${encodeURIComponent('packages:sign-declaration')}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Scorebook-Token': token },
          body: JSON.stringify({
            assignmentId: assignment,
            applicantId,
            conflict: false,
            grounds: [],
            correctionReason: null,
          }),
        });
        const result: unknown = await response.json();
        const ok = typeof result === 'object' && result !== null && 'ok' in result && result.ok === true;
        if (!ok) return `${applicantId}: HTTP ${String(response.status)} ${JSON.stringify(result)}`;
      }
      return null;
    },
    { assignmentId, applicantIds: [...applicantIds] },
  );
  if (refusal !== null) throw new Error(`main refused a declaration: ${refusal}`);
}
