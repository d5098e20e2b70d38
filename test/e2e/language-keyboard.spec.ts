import { demoApplicant, expect, openApplicant, openDemo, test, waitSaved } from './support/fixtures';

test('the interface switches to English and stays English after a reload', async ({ page, host }) => {
  await openDemo(page, host.url);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Applicants · Material review');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Applicants · Material review');
  await expect(page.getByRole('link', { name: 'Declare conflicts first' }).first()).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await openApplicant(page, demoApplicant);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('group', { name: 'Scoring band' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Role of senior leaders/ })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('group', { name: '评分区间' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('an item can be scored with the keyboard alone', async ({ page, host }) => {
  await openDemo(page, host.url);
  await openApplicant(page, demoApplicant);
  await expect(page.getByTestId('save-indicator')).toHaveAttribute('data-status', 'idle');
  // Alt+↓ moves to the next item and puts focus on its heading.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.locator('#item-heading')).toContainText('4.1.3');
  await expect(page.locator('#item-heading')).toBeFocused();
  // Tab from the heading into the band group; arrows move the band, Tab enters the percentages.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const inBands = await page.evaluate(
      () => (document.activeElement as HTMLInputElement | null)?.name === 'item-4.1.3-band',
    );
    if (inBands) break;
  }
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('radio', { name: /^50%–65%/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /^55%（/ })).toBeChecked();
  await waitSaved(page);
  await expect(page.getByTestId('item-points')).toHaveText('16.5 / 30');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.locator('#item-heading')).toContainText('4.1.2');
  await expect(page.getByTestId('outline-4.1.3')).toContainText('55%');
});
