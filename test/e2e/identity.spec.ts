import { readFileSync } from 'node:fs';
import { expect, openApplicant, openDemo, passphrase, test } from './support/fixtures';

test('first run creates the profile and keys; the fingerprint and a signed enrollment package are offered', async ({
  page,
  host,
}) => {
  await openDemo(page, host.url);
  await page.getByRole('link', { name: /专家档案与安全/ }).click();
  const fingerprint = page.getByTestId('fingerprint');
  await expect(fingerprint).toHaveText(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
  await page.getByRole('button', { name: '导出登记包（交办公室）' }).click();
  await expect(page.getByRole('status').filter({ hasText: '登记包已生成' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^下载 / }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^enrollment-.*\.qapkg$/);
  const path = await download.path();
  const bytes = readFileSync(path);
  // A zip (PK\x03\x04), unsealed: the expert does not know the office key before the first assignment.
  expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
});

test('a wrong passphrase is refused with a clear message and a growing wait; the right one unlocks', async ({
  page,
  host,
}) => {
  await openDemo(page, host.url);
  await page.getByRole('button', { name: '立即锁定' }).click();
  await expect(page.getByRole('heading', { name: '解锁' })).toBeVisible();
  for (const attempt of [1, 2, 3]) {
    await page.getByLabel('口令', { exact: true }).fill(`错误的口令 ${attempt}`);
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByRole('alert')).toContainText('口令不正确');
  }
  // The third failure makes the next attempt wait; the button stays disabled while it counts down.
  await expect(page.getByRole('status').filter({ hasText: /请等待 \d+ 秒后重试/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '解锁' })).toBeDisabled();
  await expect(page.getByRole('button', { name: '解锁' })).toBeEnabled({ timeout: 10_000 });
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /申报组织|评审任务/ })).toBeVisible();
});

test('the app locks itself after the idle time and nothing of the cycle shows until unlocked', async ({
  page,
  host,
}) => {
  await page.clock.install();
  await openDemo(page, host.url);
  await openApplicant(page, '新疆昆岚电气装备股份有限公司');
  await page.clock.fastForward('15:10');
  await expect(page.getByRole('heading', { name: '解锁' })).toBeVisible();
  await expect(page.getByText('因长时间无操作，应用已自动锁定。')).toBeVisible();
  await expect(page.getByText('新疆昆岚电气装备股份有限公司')).toHaveCount(0);
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '新疆昆岚电气装备股份有限公司' })).toBeVisible();
});
