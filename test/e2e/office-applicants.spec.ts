import { readFileSync } from 'node:fs';
import { USCC_MIDONG, USCC_TOUTUNHE, USCC_XINSHI } from '../shared/office/applicant-fixtures';
import { expect, test } from './support/fixtures';
import { axeProblems, csvFile, csvHeader, openApplicantsOfNewCycle } from './support/office-applicants';

/** A valid code with its 18th (check) character replaced, and what the check character should be. */
function wrongCheck(valid: string): { code: string; expected: string } {
  const expected = valid.charAt(17);
  return { code: `${valid.slice(0, 17)}${expected === 'A' ? 'B' : 'A'}`, expected };
}

const formName = '乌鲁木齐头屯河装备制造有限公司';
const importedName = '乌鲁木齐示例乳业有限公司';
const exportRule = '出口产品无质量安全退运、销毁或官方通报';

test('the office registers applicants by form and by CSV, exports them, and records an eligibility judgement', async ({
  page,
  host,
}) => {
  await openApplicantsOfNewCycle(page, host.url);
  await expect(page.getByText('尚未登记申报组织。')).toBeVisible();

  // The form refuses a wrong check character and a founding date in the future, each next to its field.
  await page.getByRole('button', { name: '登记申报组织' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '登记申报组织' })).toBeFocused();
  const wrong = wrongCheck(USCC_TOUTUNHE);
  await page.getByLabel('组织名称', { exact: true }).fill(formName);
  await page.getByLabel('统一社会信用代码', { exact: true }).fill(wrong.code.toLowerCase());
  await page.getByLabel('所属行业', { exact: true }).fill('装备制造');
  await page.getByLabel('成立日期', { exact: true }).fill('2999-01-01');
  await page.getByLabel('从业人数', { exact: true }).fill('1,200');
  await page.getByLabel('联系人姓名', { exact: true }).fill('王五');
  await page.getByLabel('联系电话', { exact: true }).fill('0991-1111111');
  await page.getByRole('button', { name: '保存', exact: true }).click();

  const uscc = page.getByLabel('统一社会信用代码', { exact: true });
  await expect(uscc).toHaveAttribute('aria-invalid', 'true');
  await expect(uscc).toHaveAccessibleDescription(
    new RegExp(`统一社会信用代码“${wrong.code}”的校验位不正确：第 18 位应为 ${wrong.expected}（GB 32100-2015）`),
  );
  await expect(page.getByLabel('成立日期', { exact: true })).toHaveAccessibleDescription(
    /“成立日期”2999-01-01 晚于今天/,
  );
  await expect(page.getByRole('alert').filter({ hasText: '有 2 处需要修正，尚未保存' })).toBeVisible();
  expect(await axeProblems(page)).toEqual([]);

  await uscc.fill(USCC_TOUTUNHE);
  await page.getByLabel('成立日期', { exact: true }).fill('2010-01-01');
  await expect(uscc).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `已保存“${formName}”。` })).toBeVisible();
  const formRow = page.getByRole('row', { name: new RegExp(formName) });
  await expect(formRow).toContainText(USCC_TOUTUNHE);
  await expect(formRow).toContainText('2010-01-01');

  // Import: one good row, one with a wrong check character, one already registered (by the form above).
  const bad = wrongCheck(USCC_XINSHI);
  const file = csvFile([
    csvHeader,
    `${importedName},${USCC_MIDONG},米东区,乳制品加工,2011-06-30,中型,420,否,是,ISO9001:2015-01-01~,,退运:2024-02-01,张三,0991-1234567,zhang@example.cn,`,
    `乌鲁木齐新市区示例科技有限公司,${bad.code},新市区,软件,2015-03-01,小型,50,是,否,,,,李四,0991-7654321,,`,
    `${formName},${USCC_TOUTUNHE},头屯河区,装备制造,2010-01-01,大型,1200,否,否,,,,王五,0991-1111111,,`,
  ]);
  await page
    .getByLabel('选择 CSV 或 Excel 文件导入…')
    .setInputFiles({ name: 'applicants.csv', mimeType: 'text/csv', buffer: file });
  await expect(page.getByTestId('import-summary')).toHaveText('“applicants.csv”：导入 1 个，拒收 2 行。');
  const refused = page.getByRole('table', { name: '拒收的行' });
  const line3 = refused.getByRole('row').filter({ has: page.getByRole('cell', { name: '3', exact: true }) });
  await expect(line3).toContainText('统一社会信用代码');
  await expect(line3).toContainText(`第 18 位应为 ${bad.expected}（GB 32100-2015）`);
  const line4 = refused.getByRole('row').filter({ has: page.getByRole('cell', { name: '4', exact: true }) });
  await expect(line4).toContainText(`统一社会信用代码为 ${USCC_TOUTUNHE} 的申报组织已经登记，未重复登记。`);
  await expect(refused.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('row', { name: new RegExp(importedName) })).toContainText(USCC_MIDONG);
  await expect(page.getByRole('row', { name: /新市区示例科技/ })).toHaveCount(0);
  expect(await axeProblems(page)).toEqual([]);

  // Editing cannot take over a code another applicant of the cycle has; cancelling keeps the record as it was.
  await formRow.getByRole('button', { name: '编辑' }).click();
  await expect(page.getByLabel('从业人数', { exact: true })).toHaveValue('1200');
  await uscc.fill(USCC_MIDONG);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(uscc).toHaveAccessibleDescription(new RegExp(`统一社会信用代码为 ${USCC_MIDONG} 的申报组织已经登记`));
  await page.getByRole('button', { name: '取消' }).click();
  await expect(formRow.getByRole('button', { name: '编辑' })).toBeFocused();
  await expect(formRow).toContainText(USCC_TOUTUNHE);

  // Export: UTF-8 with a byte order mark, the Chinese header, both applicants.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^申报组织-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe(csvHeader);
  expect(lines.filter((line) => line.includes(USCC_MIDONG) || line.includes(USCC_TOUTUNHE))).toHaveLength(2);

  // Eligibility: the export record needs the office's judgement; it is recorded and survives a reload.
  const importedRow = page.getByRole('row', { name: new RegExp(importedName) });
  await expect(importedRow).toContainText('待研判');
  await importedRow.getByRole('button', { name: '资格审查' }).click();
  await expect(page.getByRole('heading', { level: 2, name: `资格审查：${importedName}` })).toBeFocused();
  const exportLine = page.getByRole('row', { name: new RegExp(exportRule) });
  await expect(exportLine).toContainText('待研判');
  await expect(exportLine).toContainText('第九条（三）对出口记录未规定期限，需研判');
  const judgement = page.getByRole('form', { name: `研判：${exportRule}` });
  await judgement.getByLabel('符合（通过）').check();
  await judgement.getByLabel('研判理由').fill('退运系包装破损，非产品质量安全原因，已核实海关记录。');
  await judgement.getByRole('button', { name: '记录研判' }).click();
  await expect(judgement.getByRole('status')).toHaveText('研判已记录。');
  await expect(exportLine).toContainText('（办公室研判）');
  expect(await axeProblems(page)).toEqual([]);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '申报组织' })).toBeVisible();
  const reloadedRow = page.getByRole('row', { name: new RegExp(importedName) });
  await expect(reloadedRow).toContainText('通过 9 项 · 不通过 0 项 · 待研判 0 项');
  await reloadedRow.getByRole('button', { name: '资格审查' }).click();
  const reopened = page.getByRole('form', { name: `研判：${exportRule}` });
  await expect(reopened.getByLabel('符合（通过）')).toBeChecked();
  await expect(reopened.getByLabel('研判理由')).toHaveValue('退运系包装破损，非产品质量安全原因，已核实海关记录。');
  await expect(page.getByText('研判理由：退运系包装破损')).toBeVisible();
  await page.getByRole('button', { name: '返回申报组织列表' }).click();
  await expect(page.getByRole('button', { name: `资格审查：${importedName}` })).toBeFocused();

  // XLSX round trip: the exported workbook read back refuses both rows as already registered, in English too.
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click(),
  ]);
  const workbook = readFileSync(await xlsx.path());
  expect([...workbook.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  await page
    .getByLabel('选择 CSV 或 Excel 文件导入…')
    .setInputFiles({ name: 'back.xlsx', mimeType: 'application/octet-stream', buffer: workbook });
  await expect(page.getByTestId('import-summary')).toHaveText('“back.xlsx”：导入 0 个，拒收 2 行。');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText('“back.xlsx”: 0 imported, 2 row(s) refused.');
  const refusedEn = page.getByRole('table', { name: 'Refused rows' });
  await expect(refusedEn).toContainText(
    `An applicant with the unified social credit code ${USCC_MIDONG} is already registered; it was not registered twice.`,
  );
  await expect(refusedEn.getByRole('row').nth(1)).toContainText('uscc');
});
