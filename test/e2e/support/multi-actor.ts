import type { Browser, BrowserContext, Download, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  bandLabel,
  chooseExpertRole,
  criteriaItems,
  expect,
  formatHundredths,
  passphrase,
  signPledge,
  waitSaved,
} from './fixtures';
import { startHost, type RunningHost } from './host';

/**
 * Helpers for the multi-actor test: every person works on their own computer (a web host with its own data folder,
 * a browser context of their own), files travel between them only as downloads and uploads, and the figures the
 * office's screens show are recomputed here from the percents the experts entered, without the app's code.
 */

/** One person at their own computer. */
export interface Actor {
  readonly host: RunningHost;
  readonly context: BrowserContext;
  readonly page: Page;
}

/** Starts a browser context and a host and opens the app; the actor joins `started`, which the test stops. */
export async function startActor(browser: Browser, started: Actor[]): Promise<Actor> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  const actor = { host: await startHost(), context, page: await context.newPage() };
  started.push(actor);
  await actor.page.goto(actor.host.url);
  return actor;
}

/** Closes every context and stops every host, even when one of them fails. */
export async function stopActors(started: readonly Actor[]): Promise<void> {
  await Promise.allSettled(
    started.map(async (actor) => {
      await actor.context.close();
      await actor.host.stop();
    }),
  );
}

/** A file as it travels between the actors (a USB stick): its name and bytes. */
export interface SavedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** Runs `action` and collects exactly `count` downloads it starts, read into memory. */
export async function downloadsOf(page: Page, count: number, action: () => Promise<void>): Promise<SavedFile[]> {
  const seen: Download[] = [];
  const onDownload = (download: Download): number => seen.push(download);
  page.on('download', onDownload);
  try {
    await action();
    await expect.poll(() => seen.length, { timeout: 60_000 }).toBe(count);
  } finally {
    page.off('download', onDownload);
  }
  return Promise.all(
    seen.map(async (download) => ({
      name: download.suggestedFilename(),
      bytes: readFileSync(await download.path()),
    })),
  );
}

/** The payload of a file input; the office renames files by expert, as it would sort them from several sticks. */
export function upload(file: SavedFile, name = file.name): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/octet-stream', buffer: file.bytes };
}

/** The expert's packages of one kind, about one applicant when given (file names carry the applicant id). */
export function filesOf(
  files: readonly SavedFile[],
  kind: 'pledge' | 'declaration' | 'sheet',
  applicantId?: string,
): SavedFile[] {
  // Names may carry a prefix the office added (`e1-sheet-…`).
  const named = new RegExp(`(^|-)${kind}-`);
  return files.filter(
    (file) => named.test(file.name) && (applicantId === undefined || file.name.includes(applicantId)),
  );
}

export interface ExpertSpec {
  readonly name: string;
  readonly workUnit: string;
}

/** First run on the expert's computer: the expert role, the profile and the passphrase; main makes the keys. */
export async function createExpert(page: Page, expert: ExpertSpec): Promise<void> {
  await chooseExpertRole(page);
  await page.getByLabel('姓名').fill(expert.name);
  await page.getByLabel('工作单位').fill(expert.workUnit);
  await page.getByLabel('职称').fill('教授');
  await page.getByLabel('联系电话').fill('0991 7654321');
  await page.getByLabel('专业领域（用逗号或顿号分隔）').fill('卓越绩效、质量管理');
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '生成密钥并建立档案' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '评审任务' })).toBeVisible();
}

/** The criteria's items in file order, which is also the order of the office's matrix rows. */
export const items = criteriaItems();

/**
 * Scores every item of the open scorebook with the mouse (outline, band, percent) and one strength; from 70 % the
 * cycle requires the strength to cite its evidence, so it gets a page (below, a missing page is only a warning).
 * Percents must stay above the cycle's 25 % threshold, under which an opportunity for improvement is required.
 */
export async function scoreAll(page: Page, percents: readonly number[]): Promise<void> {
  for (const [index, item] of items.entries()) {
    const percent = percents[index];
    if (percent === undefined) throw new Error(`test plan: no percent for ${item.id}`);
    await page.getByTestId(`outline-${item.id}`).click();
    // The outline is a hash link: acting inside the item's own panel waits until it is the one shown.
    const panel = page.getByRole('article', { name: new RegExp(`^${item.id.replace(/\./g, '\\.')} `) });
    await panel.getByRole('radio', { name: new RegExp(`^${bandLabel(percent)}`) }).check();
    await panel.getByRole('radio', { name: new RegExp(`^${percent}%（`) }).check();
    await panel.getByRole('button', { name: '+ 添加优势' }).click();
    await panel.getByRole('textbox', { name: '优势 1', exact: true }).fill(`${item.id} 的优势`);
    if (percent >= 70) await panel.getByRole('spinbutton', { name: '优势 1 材料页码' }).fill(String(index + 1));
  }
  await waitSaved(page);
}

/** First run as the office; a cycle of material review only, scored by the experts' mean (no consensus needed). */
export async function officeWithMaterialCycle(page: Page, officeName: string, cycleName: string): Promise<void> {
  await page.getByRole('button', { name: /^办公室工作站：/ }).click();
  await page.getByLabel('办公室名称').fill(officeName);
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '生成办公室密钥' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '办公室工作台' })).toBeVisible();
  await page.getByRole('link', { name: '新建评审周期' }).click();
  await page.getByLabel('名称（中文）').fill(cycleName);
  await page.getByRole('checkbox', { name: '陈述答辩', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: '现场评审', exact: true }).uncheck();
  await page.getByLabel('材料评审权重（%）').fill('100');
  await page.getByLabel('阶段得分的形成方式').selectOption({ label: '专家平均分' });
  await page.getByRole('button', { name: '建立评审周期' }).click();
  await expect(page.getByRole('heading', { name: '评审周期设置（第 1 版）' })).toBeVisible();
}

/** The expert imports the assignment and signs the pledge; ends on the applicant list. */
export async function takeAssignment(page: Page, file: SavedFile): Promise<void> {
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page.getByLabel('导入任务包（.qapkg）').setInputFiles(upload(file));
  await signPledge(page);
}

/** Scores the open scorebook, checks the total the expert sees, signs and submits; ends on the applicant list. */
export async function scoreAndSubmit(page: Page, percents: readonly number[]): Promise<void> {
  await scoreAll(page, percents);
  await page.getByRole('link', { name: '提交评分表' }).click();
  await expect(page.getByTestId('submit-total')).toHaveText(`${formatHundredths(sheetTotal(percents))} / 1000`);
  await page.getByRole('button', { name: '提交评分表…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '签名并提交' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已签名提交（第 1 版）' })).toBeVisible();
  await page.getByRole('link', { name: '返回申报组织列表' }).click();
}

/**
 * After scoring and submitting, the expert learns of a conflict and corrects the declaration from the applicant's
 * scorebook: version 2, a conflict, with a reason. Ends on the recusal page.
 */
export async function correctToConflict(page: Page, applicant: string): Promise<void> {
  await page
    .getByRole('row', { name: new RegExp(applicant) })
    .getByRole('link', { name: applicant })
    .click();
  await expect(page.getByText('已签署利害关系声明：不存在利害关系（第 1 版）')).toBeVisible();
  await page.getByRole('button', { name: '更正声明（需说明理由）' }).click();
  await page.getByLabel('存在利害关系（回避）').check();
  await page.getByLabel('与该组织存在竞争、供应或客户关系').check();
  await page.getByLabel(/与该组织存在竞争.*具体说明/).fill('本单位目前为其提供检测服务');
  await page.getByLabel('更正理由（必填）').fill('提交后才得知本单位与其签有检测服务合同');
  await page.getByRole('button', { name: '签署声明' }).click();
  await expect(page.getByRole('heading', { name: `已回避：${applicant}` })).toBeVisible();
  await page.getByRole('link', { name: '返回申报组织列表' }).click();
}

/** "Export all" in the outbox: every signed package as a download. */
export async function exportOutbox(page: Page, count: number): Promise<SavedFile[]> {
  await page.getByRole('link', { name: '发件箱' }).click();
  await expect(page.getByText(`共 ${count} 个评分包，其中 ${count} 个尚未经办公室回执确认。`)).toBeVisible();
  const files = await downloadsOf(page, count, () =>
    page.getByRole('button', { name: '导出全部未确认的评分包' }).click(),
  );
  await expect(page.getByRole('row').filter({ hasText: '已导出' })).toHaveCount(count);
  return files;
}

/** Every row of a table as the trimmed text of its cells (header and footer rows included). */
export async function tableText(table: Locator): Promise<string[][]> {
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
      ),
    );
}

/** `numerator / denominator` to the nearest integer, a half rounded up (non-negative integers; exact remainder). */
function rounded(numerator: number, denominator: number): number {
  const quotient = Math.trunc(numerator / denominator);
  return 2 * (numerator - quotient * denominator) >= denominator ? quotient + 1 : quotient;
}

/**
 * The statistics columns of integers as the page orders them: mean, median, the mean without the highest and the
 * lowest (from five values up), min and max; in hundredths of the values' unit when `scale` is 100.
 */
function statistics(values: readonly number[], scale: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sum = sorted.reduce((total, value) => total + value, 0);
  const low = sorted[0] ?? 0;
  const high = sorted[n - 1] ?? 0;
  const middle = (sorted[Math.floor((n - 1) / 2)] ?? 0) + (sorted[Math.floor(n / 2)] ?? 0);
  const trimmed = n >= 5 ? [rounded((sum - low - high) * scale, n - 2)] : [];
  return [rounded(sum * scale, n), rounded(middle * scale, 2), ...trimmed, low * scale, high * scale];
}

/** An expert's sheet total in hundredths of a point: item points × percent is already in hundredths. */
export function sheetTotal(percents: readonly number[]): number {
  return items.reduce((total, item, index) => total + item.points * (percents[index] ?? 0), 0);
}

/** Highest − lowest percent of each item over the sheets (rows: sheets; columns: items). */
function spreads(sheets: readonly (readonly number[])[]): number[] {
  return items.map((_, index) => {
    const column = sheets.map((sheet) => sheet[index] ?? 0);
    return Math.max(...column) - Math.min(...column);
  });
}

/** The items whose spread reaches the threshold, as the office's pages list them. */
export function flaggedItems(sheets: readonly (readonly number[])[], threshold: number): string[] {
  const spread = spreads(sheets);
  return items.filter((_, index) => (spread[index] ?? 0) >= threshold).map((item) => item.id);
}

/**
 * The matrix as the applicant's stage page should show it, each row headed by its item id only: the experts (in
 * panel order) and the statistics columns; per item the experts' percents, mean, median, (trimmed mean), min, max
 * and the spread with its flag; last the experts' totals with the same statistics, in points.
 */
export function expectedMatrix(
  sheets: readonly (readonly number[])[],
  experts: readonly string[],
  threshold: number,
): string[][] {
  const percent = (hundredths: number): string => `${formatHundredths(hundredths)}%`;
  const spread = spreads(sheets);
  const header = ['评分项', ...experts, '平均', '中位数', ...(sheets.length >= 5 ? ['去高低平均'] : [])];
  const rows = items.map((item, index) => {
    const column = sheets.map((sheet) => sheet[index] ?? 0);
    const gap = spread[index] ?? 0;
    return [
      item.id,
      ...column.map((value) => `${value}%`),
      ...statistics(column, 100).map(percent),
      `${gap} 个百分点${gap >= threshold ? ' 需合议' : ''}`,
    ];
  });
  const totals = sheets.map(sheetTotal);
  return [
    [...header, '最低', '最高', '极差'],
    ...rows,
    [
      '专家总分',
      ...totals.map(formatHundredths),
      ...statistics(totals, 1).map(formatHundredths),
      formatHundredths(Math.max(...totals) - Math.min(...totals)),
    ],
  ];
}

/** The stage total under "专家平均分": each item's mean points, rounded to hundredths, then summed. */
export function meanStageTotal(sheets: readonly (readonly number[])[]): number {
  return items.reduce((total, item, index) => {
    const sum = sheets.reduce((s, sheet) => s + item.points * (sheet[index] ?? 0), 0);
    return total + rounded(sum, sheets.length);
  }, 0);
}
