import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startHost, type RunningHost } from './host';

export interface CriteriaItemFacts {
  readonly id: string;
  readonly points: number;
  readonly categoryId: string;
}

/** The shipped criteria, read straight from the file, so the test computes totals independently of the app. */
export function criteriaItems(): CriteriaItemFacts[] {
  const raw = JSON.parse(readFileSync('resources/criteria/gbt19580-2012.json', 'utf8')) as {
    categories: { id: string; items: { id: string; points: number }[] }[];
  };
  return raw.categories.flatMap((c) => c.items.map((i) => ({ id: i.id, points: i.points, categoryId: c.id })));
}

export const demoApplicant = '新疆昆岚电气装备股份有限公司';

export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
});

export { expect };

export const passphrase = '审慎公正 评审 2026';

/** First run: choose the expert's use of this computer. */
export async function chooseExpertRole(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '选择本机的用途' })).toBeVisible();
  await page.getByRole('button', { name: /^评审专家：/ }).click();
  await expect(page.getByRole('heading', { name: '建立评审专家档案' })).toBeVisible();
}

/** First run: choose the expert role, fill in the profile and passphrase; main makes the keys. */
export async function createProfile(page: Page): Promise<void> {
  await chooseExpertRole(page);
  await page.getByLabel('姓名').fill('李明');
  await page.getByLabel('工作单位').fill('新疆质量研究院');
  await page.getByLabel('职称').fill('高级工程师');
  await page.getByLabel('联系电话').fill('+86 991 1234567');
  await page.getByLabel('专业领域（用逗号或顿号分隔）').fill('卓越绩效、质量管理');
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '生成密钥并建立档案' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '评审任务' })).toBeVisible();
}

/** From the first screen: create the profile when asked, open the embedded demo and land on its applicant list. */
export async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const setup = page.getByRole('heading', { name: '选择本机的用途' });
  const home = page.getByRole('heading', { level: 1, name: '评审任务' });
  await expect(setup.or(home)).toBeVisible();
  if (await setup.isVisible()) await createProfile(page);
  await page.getByRole('button', { name: '打开示例评审周期' }).click();
  await signPledge(page);
}

/** The cycle's confidentiality pledge, shown before anything of the cycle. */
export async function signPledge(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '保密承诺' })).toBeVisible();
  await page.getByLabel('我已阅读并同意遵守以上承诺').check();
  await page.getByRole('button', { name: '签署保密承诺' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /申报组织/ })).toBeVisible();
}

/** Opens an applicant's scorebook from the list, declaring "no conflict" first when not yet declared. */
export async function openApplicant(page: Page, name: string): Promise<void> {
  const row = page.getByRole('row', { name: new RegExp(name) });
  const declare = row.getByRole('link', { name: '请先声明利害关系' });
  await expect(declare.or(row.getByRole('link', { name }))).toBeVisible();
  if (await declare.isVisible()) {
    await declare.click();
    await declareNoConflict(page, name);
  } else {
    await row.getByRole('link', { name }).click();
  }
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

export async function declareNoConflict(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { name: `利害关系声明：${name}` })).toBeVisible();
  await page.getByLabel('不存在利害关系').check();
  await page.getByRole('button', { name: '签署声明' }).click();
}

/** Waits until every edit on screen has committed ("已保存 HH:MM:SS"). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-indicator')).toHaveAttribute('data-status', 'saved');
}

export function bandLabel(percent: number): string {
  const bands: [number, number][] = [
    [0, 5],
    [10, 25],
    [30, 45],
    [50, 65],
    [70, 85],
    [90, 100],
  ];
  const band = bands.find(([min, max]) => percent >= min && percent <= max);
  if (band === undefined) throw new Error(`no band for ${percent}`);
  return `${band[0]}%–${band[1]}%`;
}

/** Scores the item on screen with the mouse: band, then percent. */
export async function pickPercent(page: Page, percent: number): Promise<void> {
  await page.getByRole('radio', { name: bandLabel(percent), exact: false }).check();
  await page.getByRole('radio', { name: new RegExp(`^${percent}%（`) }).check();
}

export function formatHundredths(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths % 100;
  return fraction === 0 ? `${whole}` : `${whole}.${fraction.toString().padStart(2, '0').replace(/0$/, '')}`;
}
