import { expect, passphrase, test } from './support/fixtures';

const officeName = '乌鲁木齐市质量奖评审办公室';

test('an installation becomes the office workstation, sets up a cycle and keeps each revision of its settings', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: '选择本机的用途' })).toBeVisible();
  await page.getByRole('button', { name: /^办公室工作站：/ }).click();
  await page.getByLabel('办公室名称').fill(officeName);
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(`${passphrase}x`);
  await page.getByRole('button', { name: '生成办公室密钥' }).click();
  await expect(page.getByText('两次输入的口令不一致。')).toBeVisible();
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '生成办公室密钥' }).click();

  // The office's own first screen: its name and key fingerprint, no expert pages.
  await expect(page.getByRole('heading', { level: 1, name: '办公室工作台' })).toBeVisible();
  await expect(page.getByTestId('office-fingerprint')).toHaveText(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  await expect(page.getByRole('link', { name: '发件箱' })).toHaveCount(0);
  await expect(page.getByText('尚无评审周期。')).toBeVisible();

  // A new cycle starts from the defaults; weights that do not add up to 100 block saving.
  await page.getByRole('link', { name: '新建评审周期' }).click();
  await page.getByLabel('名称（中文）').fill('2026年度乌鲁木齐市人民政府质量奖');
  await page.getByLabel('陈述答辩权重（%）').fill('50');
  await expect(page.getByText('所选评审阶段的权重之和须为 100。')).toBeVisible();
  await expect(page.getByRole('button', { name: '建立评审周期' })).toBeDisabled();
  await page.getByLabel('陈述答辩权重（%）').fill('30');
  await expect(page.getByLabel('质量奖名额上限（第三条：不超过 5 个，可少于或空缺）')).toHaveValue('5');
  await page.getByRole('button', { name: '建立评审周期' }).click();
  await expect(page.getByRole('heading', { name: '评审周期设置（第 1 版）' })).toBeVisible();

  // A change becomes revision 2, the first kept in the history; it survives a reload.
  await page.getByLabel('专家评分极差达到此值（百分点）即提交合议').fill('25');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已保存（第 2 版）。' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '评审周期设置（第 2 版）' })).toBeVisible();
  await expect(page.getByLabel('专家评分极差达到此值（百分点）即提交合议')).toHaveValue('25');
  await expect(page.getByRole('heading', { name: '设置的历史版本' })).toBeVisible();

  await page.getByRole('link', { name: '办公室工作台' }).first().click();
  const row = page.getByRole('row', { name: /2026年度乌鲁木齐市人民政府质量奖/ });
  await expect(row).toContainText('材料评审 → 陈述答辩 → 现场评审');
  await expect(row).toContainText('2');

  // Locked, it asks for the office's passphrase and comes back as the office.
  await page.getByRole('button', { name: '立即锁定' }).click();
  await page.getByLabel('口令').fill(passphrase);
  await page.getByRole('button', { name: '解锁', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '办公室工作台' })).toBeVisible();
});
