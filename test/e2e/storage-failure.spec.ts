import { demoApplicant, expect, openApplicant, openDemo, pickPercent, test, waitSaved } from './support/fixtures';

test('a full disk keeps the edit on screen with a clear message, and a retry saves it', async ({ page, host }) => {
  await openDemo(page, host.url);
  await openApplicant(page, demoApplicant);
  await pickPercent(page, 45);
  await waitSaved(page);

  // Simulate the browser refusing writes for lack of space: every IndexedDB put throws QuotaExceededError.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    const flags = window as unknown as { __diskFull?: boolean };
    flags.__diskFull = true;
    IDBObjectStore.prototype.put = function put(this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (flags.__diskFull === true) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  });
  await page.getByRole('button', { name: '+ 添加优势' }).click();
  await page.getByRole('textbox', { name: '优势 1', exact: true }).fill('质量责任制覆盖全部车间');
  await expect(page.getByRole('alert')).toContainText('本机存储空间已满');
  await expect(page.getByRole('alert')).toContainText('E_STORAGE_QUOTA');
  await expect(page.getByRole('textbox', { name: '优势 1', exact: true })).toHaveValue('质量责任制覆盖全部车间');
  await expect(page.getByTestId('save-indicator')).toHaveCount(0);

  await page.evaluate(() => {
    (window as unknown as { __diskFull?: boolean }).__diskFull = false;
  });
  await page.getByRole('button', { name: '重试保存' }).click();
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('textbox', { name: '优势 1', exact: true })).toHaveValue('质量责任制覆盖全部车间');
  await expect(page.getByRole('radio', { name: /^45%（/ })).toBeChecked();
});
