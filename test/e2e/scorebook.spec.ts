import {
  criteriaItems,
  demoApplicant,
  expect,
  formatHundredths,
  openApplicant,
  openDemo,
  pickPercent,
  test,
  waitSaved,
} from './support/fixtures';

const items = criteriaItems();
/** A spread of percents over all six bands, one per item, deterministic. */
const chosen = items.map((item, index) => ({
  ...item,
  percent: [35, 60, 75, 20, 50, 90, 5, 45, 65, 30, 55, 80][index % 12] ?? 50,
}));

test('an expert scores all 23 items of one applicant with comments, and everything is there after a reload', async ({
  page,
  host,
}) => {
  await openDemo(page, host.url);
  await openApplicant(page, demoApplicant);
  await expect(page.getByTestId('save-indicator')).toHaveText('尚未修改');

  for (const [index, item] of chosen.entries()) {
    await page.getByTestId(`outline-${item.id}`).click();
    await expect(page.locator('#item-heading')).toContainText(item.id);
    await pickPercent(page, item.percent);
    await page.getByRole('button', { name: '+ 添加优势' }).click();
    await page.getByRole('textbox', { name: '优势 1', exact: true }).fill(`优势：${item.id} 方法系统，展开良好`);
    await page.getByRole('spinbutton', { name: '优势 1 材料页码' }).fill(String(index + 3));
    if (index % 2 === 0) {
      await page.getByRole('button', { name: '+ 添加改进机会' }).click();
      await page.getByRole('textbox', { name: '改进机会 1', exact: true }).fill(`改进：${item.id} 缺少对比数据`);
      await page.getByRole('textbox', { name: '改进机会 1 证据出处' }).fill('访谈记录');
    }
    await waitSaved(page);
    await expect(page.getByTestId('item-points')).toHaveText(
      `${formatHundredths(item.points * item.percent)} / ${item.points}`,
    );
  }

  const expectedTotal = chosen.reduce((sum, item) => sum + item.points * item.percent, 0);
  await expect(page.getByTestId('sheet-total')).toHaveText(`${formatHundredths(expectedTotal)} / 1000`);

  await page.reload();
  await expect(page.getByTestId('sheet-total')).toHaveText(`${formatHundredths(expectedTotal)} / 1000`);
  for (const category of new Set(chosen.map((i) => i.categoryId))) {
    const sum = chosen.filter((i) => i.categoryId === category).reduce((s, i) => s + i.points * i.percent, 0);
    await expect(page.getByTestId(`category-total-${category}`)).toContainText(`${formatHundredths(sum)} /`);
  }
  for (const [index, item] of chosen.entries()) {
    await expect(page.getByTestId(`outline-${item.id}`)).toContainText(`${item.percent}% ✓`);
    await page.getByTestId(`outline-${item.id}`).click();
    await expect(page.getByRole('radio', { name: new RegExp(`^${item.percent}%（`) })).toBeChecked();
    await expect(page.getByRole('textbox', { name: '优势 1', exact: true })).toHaveValue(
      `优势：${item.id} 方法系统，展开良好`,
    );
    await expect(page.getByRole('spinbutton', { name: '优势 1 材料页码' })).toHaveValue(String(index + 3));
    if (index % 2 === 0)
      await expect(page.getByRole('textbox', { name: '改进机会 1 证据出处' })).toHaveValue('访谈记录');
  }

  await page.getByRole('link', { name: '示例：2026年度乌鲁木齐市人民政府质量奖' }).click();
  await expect(page.getByRole('row', { name: new RegExp(demoApplicant) })).toContainText('已评 23/23 项');
  await expect(page.getByRole('row', { name: new RegExp(demoApplicant) })).toContainText(
    `${formatHundredths(expectedTotal)} / 1000`,
  );
});

test('comments can be reordered and deleted, and the item history lists the changes', async ({ page, host }) => {
  await openDemo(page, host.url);
  await openApplicant(page, demoApplicant);
  await pickPercent(page, 40);
  await pickPercent(page, 55);
  for (const text of ['第一条', '第二条']) {
    await page.getByRole('button', { name: '+ 添加优势' }).click();
    await page.getByRole('textbox', { name: `优势 ${text === '第一条' ? 1 : 2}`, exact: true }).fill(text);
  }
  await page.getByRole('button', { name: '下移 优势 1' }).click();
  await expect(page.getByRole('textbox', { name: '优势 1', exact: true })).toHaveValue('第二条');
  await page.getByRole('button', { name: '删除 优势 2' }).click();
  await expect(page.getByRole('textbox', { name: '优势 2', exact: true })).toHaveCount(0);
  await waitSaved(page);
  await page.getByText('修改记录', { exact: true }).click();
  const history = page.getByRole('list', { name: '修改记录' });
  await expect(history).toContainText('得分率：40% → 55%');
  await expect(history).toContainText('得分率：（空） → 40%');
  await page.reload();
  await expect(page.getByRole('textbox', { name: '优势 1', exact: true })).toHaveValue('第二条');
});

test('a stale token shows how to reach the running app instead of a blank page', async ({ page, host }) => {
  await page.goto(`${host.origin}/#token=stale-token-from-an-earlier-launch`);
  await expect(page.getByRole('alert').first()).toContainText('访问令牌已失效');
  await expect(page.getByRole('alert').first()).toContainText('host.json');
});
