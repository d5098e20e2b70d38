import { expect, openApplicant, openDemo, test } from './support/fixtures';

const applicant = '新疆雪麓乳业有限公司';

test('nothing of an applicant shows before the declaration; a conflict recuses, also by direct address', async ({
  page,
  host,
}) => {
  await openDemo(page, host.url);
  // Before any declaration the list shows names only: no district, industry, code or score.
  const row = page.getByTestId('row-demo-applicant-xuelu');
  await expect(row).toContainText(applicant);
  await expect(row).not.toContainText('米东区');
  await expect(row).not.toContainText('统一社会信用代码');

  await row.getByRole('link', { name: '请先声明利害关系' }).click();
  await expect(page.getByRole('heading', { name: `利害关系声明：${applicant}` })).toBeVisible();
  await expect(page.getByText('申报材料摘要')).toHaveCount(0);
  await page.getByLabel('存在利害关系（回避）').check();
  await page.getByLabel('为该组织提供咨询、辅导或培训（含质量奖申报辅导）').check();
  await page.getByLabel(/为该组织提供咨询.*具体说明/).fill('2025 年曾为其做质量奖申报辅导');
  await page.getByRole('button', { name: '签署声明' }).click();
  await expect(page.getByRole('heading', { name: `已回避：${applicant}` })).toBeVisible();
  const recusedUrl = page.url();

  // The list marks it recused and offers no way in; a direct address shows the recusal, not the content.
  await page.getByRole('link', { name: '返回申报组织列表' }).click();
  await expect(page.getByTestId('row-demo-applicant-xuelu')).toContainText('已回避');
  await expect(page.getByTestId('row-demo-applicant-xuelu').getByRole('link')).toHaveCount(0);
  await page.goto(`${recusedUrl}/items/4.7.2`);
  await page.reload();
  await expect(page.getByRole('heading', { name: `已回避：${applicant}` })).toBeVisible();
  await expect(page.getByText('评分区间')).toHaveCount(0);

  // A correction is a new signed version with a reason.
  await page.getByRole('button', { name: '更正声明（需说明理由）' }).click();
  await page.getByLabel('不存在利害关系').check();
  await expect(page.getByRole('button', { name: '签署声明' })).toBeDisabled();
  await page.getByLabel('更正理由（必填）').fill('核实后该辅导由其他机构承担，本人未参与');
  await page.getByRole('button', { name: '签署声明' }).click();
  await expect(page.getByRole('heading', { level: 1, name: applicant })).toBeVisible();

  // A conflict found after declaring none still recuses: the correction is offered on the scorebook itself.
  await expect(page.getByText('已签署利害关系声明：不存在利害关系（第 2 版）')).toBeVisible();
  await page.getByRole('button', { name: '更正声明（需说明理由）' }).click();
  await page.getByLabel('存在利害关系（回避）').check();
  await page.getByLabel('近亲属在该组织担任管理职务').check();
  await page.getByLabel('更正理由（必填）').fill('今日得知本人配偶任该组织副总经理');
  await page.getByRole('button', { name: '签署声明' }).click();
  await expect(page.getByRole('heading', { name: `已回避：${applicant}` })).toBeVisible();
});

test('declaring no conflict opens the scorebook with the application summary', async ({ page, host }) => {
  await openDemo(page, host.url);
  await openApplicant(page, applicant);
  await expect(page.getByText('申报材料摘要（4.1 领导）')).toBeVisible();
});
