import { expect, test } from './support/fixtures';
import { createOffice, holdNextCall } from './support/office-applicants';

/**
 * The office's demo end to end: a new office workstation loads the demo cycle from its home with one button, sees
 * the steps as they run, lands on the cycle's inbox with the five demo experts' packages accepted, and finds on an
 * applicant's results page the experts × items matrix with the item that needs a consensus.
 */

test('the office loads the demo cycle: the inbox shows the accepted packages and the matrix a flagged item', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await createOffice(page);

  // Hold main's part until the progress has been seen: the steps before it are quick.
  const release = await holdNextCall(page, 'office:demo-load');
  const load = page.getByRole('button', { name: '加载示例评审周期（虚构数据）' });
  await load.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('progressbar', { name: '示例加载进度' })).toBeVisible();
  await expect(page.getByTestId('office-demo-step')).toContainText('第 4 / 5 步：生成五位虚构专家的密钥');
  await expect(load).toBeDisabled();
  release();

  // The cycle's inbox: 5 pledges, 15 declarations, 14 sheets (the fifth expert recused from one applicant).
  await expect(page.getByRole('heading', { level: 1, name: '收件箱' })).toBeVisible();
  expect(decodeURIComponent(page.url())).toMatch(/\/inbox$/);
  await expect(page.getByTestId('inbox-counts')).toContainText('评分表 14 份、回避声明 15 份、保密承诺 5 份');
  await expect(page.getByTestId('inbox-counts')).toContainText('累计接受 34 个评分包');
  const experts = page.getByTestId('inbox-experts');
  for (const name of ['示例专家一', '示例专家二', '示例专家三', '示例专家四', '示例专家五']) {
    await expect(experts.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  }
  await expect(experts.getByRole('row', { name: /示例专家一/ })).toContainText('3 / 3 份');
  await expect(page.getByTestId('inbox-all-rejected')).toHaveCount(0);

  // An applicant's material stage: five experts' scores, one item flagged for consensus.
  await page.getByRole('link', { name: '汇总与结果' }).first().click();
  await page.getByRole('link', { name: '新疆雪麓乳业有限公司' }).first().click();
  await expect(page.getByRole('heading', { name: '专家评分矩阵' })).toBeVisible();
  const matrix = page.locator('table.matrix-table');
  for (const name of ['示例专家一', '示例专家五']) {
    await expect(matrix.getByRole('columnheader', { name })).toBeVisible();
  }
  const flagged = matrix.locator('tbody tr.needs-consensus');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toContainText('需合议');

  // Back home, the cycle is listed, named as demo and fictional.
  await page.getByRole('link', { name: '办公室工作台' }).first().click();
  await expect(page.getByRole('link', { name: /^示例：\d{4}年度乌鲁木齐市人民政府质量奖（虚构数据）$/ })).toBeVisible();
});
