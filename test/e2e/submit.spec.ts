import { readFileSync } from 'node:fs';
import { runCli } from '../../src-main/cli/scorebook-cli';
import { parseCriteriaJson } from '../../src-shared/criteria/load-criteria';
import { criteriaItems, demoApplicant, expect, openApplicant, openDemo, test, waitSaved } from './support/fixtures';
import { enrollFromProfile } from './support/office';

test('a complete sheet is validated, confirmed, signed and locked; its exported package is accepted by the CLI', async ({
  page,
  host,
}) => {
  await openDemo(page, host.url);
  const enrolled = await enrollFromProfile(page);
  const key = { owner: enrolled.id, publicKey: enrolled.signingPublicKey };
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page.getByRole('link', { name: '进入评审' }).click();
  await openApplicant(page, demoApplicant);

  // An incomplete sheet cannot be submitted: the summary lists what is missing, with links to the items.
  await page.getByRole('link', { name: '提交评分表' }).click();
  await expect(page.getByRole('heading', { name: /23 处问题需先处理|46 处问题需先处理/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '提交评分表…' })).toBeDisabled();
  await page.getByRole('link', { name: demoApplicant }).click();

  for (const [index, item] of criteriaItems().entries()) {
    await page.getByTestId(`outline-${item.id}`).click();
    await page.getByRole('radio', { name: /^50%–65%/ }).check();
    await page.getByRole('radio', { name: /^55%（/ }).check();
    await page.getByRole('button', { name: '+ 添加优势' }).click();
    await page.getByRole('textbox', { name: '优势 1', exact: true }).fill(`优势 ${item.id}`);
    await page.getByRole('spinbutton', { name: '优势 1 材料页码' }).fill(String(index + 1));
  }
  await waitSaved(page);

  await page.getByRole('link', { name: '提交评分表' }).click();
  await expect(page.getByTestId('submit-total')).toHaveText('550 / 1000');
  await page.getByRole('button', { name: '提交评分表…' }).click();
  await expect(page.getByRole('dialog')).toContainText('确认签名提交');
  await page.getByRole('button', { name: '签名并提交' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已签名提交（第 1 版）' })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^下载 sheet-/ }).click(),
  ]);
  const sheetFile = readFileSync(await download.path());

  // The sheet is locked now.
  await page.getByRole('link', { name: demoApplicant }).click();
  await expect(page.getByText('此评分表已提交并锁定。')).toBeVisible();
  await expect(page.getByRole('radio', { name: /^55%（/ })).toBeDisabled();

  // The office side: the CLI verifies the exported file with the registered expert key and the (public) demo office key.
  const demoKey = JSON.parse(readFileSync('resources/demo/demo-office-key.json', 'utf8')) as {
    receiving: { privateKey: string };
  };
  const criteria = parseCriteriaJson(
    readFileSync('resources/criteria/gbt19580-2012.json', 'utf8'),
    'gbt19580-2012.json',
  );
  const files: Record<string, Uint8Array> = {
    'sheet.qapkg': sheetFile,
    'registry.json': Buffer.from(
      JSON.stringify({ format: 'scorebook.registry/1', keys: [{ ...key, revoked: false }] }),
    ),
    'office.json': Buffer.from(
      JSON.stringify({ format: 'scorebook.receiving-key/1', privateKey: demoKey.receiving.privateKey }),
    ),
  };
  const out: string[] = [];
  const code = await runCli(['verify', 'sheet.qapkg', '--registry', 'registry.json', '--office-key', 'office.json'], {
    readFile: async (path) => files[path],
    out: (line) => out.push(line),
    err: (line) => out.push(line),
    loadCriteria: async () => (criteria.ok ? [criteria.value] : []),
  });
  expect(out.join('\n')).toMatch(/ACCEPTED sheet issuer=expert-[0-9a-f]{16} seq=1/);
  expect(code).toBe(0);

  // The outbox lists the pledge, the declaration and the sheet.
  await page.getByRole('link', { name: '发件箱' }).click();
  await expect(page.getByTestId('outbox-sheet-demo-applicant-kunlan-1')).toContainText('已导出');
  await expect(page.getByTestId('outbox-declaration-demo-applicant-kunlan-1')).toContainText('未导出');
  await expect(page.getByTestId('outbox-pledge-cycle-0')).toBeVisible();
});
