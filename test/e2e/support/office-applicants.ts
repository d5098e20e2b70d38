import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, passphrase } from './fixtures';

export const officeName = '乌鲁木齐市质量奖评审办公室';
export const cycleName = '2026年度乌鲁木齐市人民政府质量奖';

/** First run as the office workstation (the steps of office-cycle.spec.ts): its name, passphrase and keys; ends home. */
export async function createOffice(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^办公室工作站：/ }).click();
  await page.getByLabel('办公室名称').fill(officeName);
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '生成办公室密钥' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '办公室工作台' })).toBeVisible();
}

/** From the office's home, a new cycle named `name` with the default settings; ends on its settings. */
export async function createCycle(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name: '新建评审周期' }).click();
  await page.getByLabel('名称（中文）').fill(name);
  await page.getByRole('button', { name: '建立评审周期' }).click();
  await expect(page.getByRole('heading', { name: '评审周期设置（第 1 版）' })).toBeVisible();
}

/** First run as the office, a cycle with the default settings, its applicants tab. */
export async function openApplicantsOfNewCycle(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '选择本机的用途' })).toBeVisible();
  await createOffice(page);
  await createCycle(page, cycleName);
  await page.getByRole('link', { name: '申报组织' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '申报组织' })).toBeVisible();
}

/**
 * Holds the page's next call of `channel` until the returned function is called, so the progress a quick step shows
 * can be seen before it ends.
 */
export async function holdNextCall(page: Page, channel: string): Promise<() => void> {
  let release = (): void => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(
    `**/rpc/${encodeURIComponent(channel)}`,
    async (route) => {
      await held;
      await route.continue();
    },
    { times: 1 },
  );
  return () => release();
}

/** The import header exactly as the office's template writes it (src-shared/office/applicant-columns.ts). */
export const csvHeader = [
  '组织名称',
  '统一社会信用代码',
  '所在区县',
  '所属行业',
  '成立日期',
  '企业规模',
  '从业人数',
  '四新领域',
  '出口企业',
  '管理体系认证与方法',
  '事故投诉及违法记录',
  '出口质量安全记录',
  '联系人',
  '联系电话',
  '电子邮箱',
  '申报材料',
].join(',');

/** A CSV file as Excel on Chinese Windows saves "CSV UTF-8": a byte order mark, CRLF line ends. */
export function csvFile(lines: readonly string[]): Buffer {
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Serious or critical WCAG 2.1 A/AA problems axe finds on the page, one line each (empty when there are none). */
export async function axeProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}
