import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  chooseExpertRole,
  createProfile,
  demoApplicant,
  expect,
  pickPercent,
  signPledge,
  test,
  waitSaved,
} from './support/fixtures';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

test('setup, first screen, pledge, applicant list, declaration and scorebook have no serious or critical axe violations', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '选择本机的用途' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await chooseExpertRole(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.reload();
  await createProfile(page);
  await expect(page.getByRole('button', { name: '打开示例评审周期' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '打开示例评审周期' }).click();
  await expect(page.getByRole('heading', { name: '保密承诺' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await signPledge(page);
  expect(await seriousViolations(page)).toEqual([]);

  await page
    .getByRole('row', { name: new RegExp(demoApplicant) })
    .getByRole('link', { name: '请先声明利害关系' })
    .click();
  await page.getByLabel('存在利害关系（回避）').check();
  await page.getByLabel('其他情形').check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('不存在利害关系').check();
  await page.getByRole('button', { name: '签署声明' }).click();
  await expect(page.getByRole('heading', { level: 1, name: demoApplicant })).toBeVisible();
  await pickPercent(page, 70);
  await page.getByRole('button', { name: '+ 添加优势' }).click();
  await page.getByRole('textbox', { name: '优势 1', exact: true }).fill('建立了系统的战略制定过程');
  await waitSaved(page);
  await page.getByText('修改记录', { exact: true }).click();
  await expect(page.getByRole('img', { name: /雷达图/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'English' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
