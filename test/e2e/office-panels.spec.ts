import { readFileSync } from 'node:fs';
import { createProfile, expect, signPledge, test } from './support/fixtures';
import { startHost } from './support/host';
import {
  applicantsCsv,
  enrollmentFile,
  exportEnrollment,
  officeWithCycle,
  seriousViolations,
} from './support/office-panels';

const cycleName = '2026年度乌鲁木齐市人民政府质量奖';
const grouped = (hex: string): string => (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');

test('the office registers experts, confirms and revokes keys, builds a conflict-free panel and issues an assignment the expert opens', async ({
  page,
  host,
  browser,
}) => {
  // An expert (李明, work unit 新疆质量研究院) on their own computer exports the enrollment package.
  const expertHost = await startHost();
  const expertContext = await browser.newContext();
  const expertPage = await expertContext.newPage();
  try {
    await expertPage.goto(expertHost.url);
    await createProfile(expertPage);
    const li = await exportEnrollment(expertPage);
    const wang = await enrollmentFile('王芳', '新疆大学');

    // The office sets up a cycle and registers two applicants through the applicants page.
    await officeWithCycle(page, host.url, cycleName);
    await page.getByRole('link', { name: '申报组织', exact: true }).click();
    await page.getByLabel('选择 CSV 或 Excel 文件导入…').setInputFiles({
      name: 'applicants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(applicantsCsv()),
    });
    await expect(page.getByTestId('import-summary')).toContainText('导入 2 个');

    // Both enrollments at once: two experts to confirm.
    await page.getByRole('link', { name: '专家登记' }).click();
    await page.getByLabel('选择登记包文件（.qapkg，可多选）').setInputFiles([
      { name: 'enrollment-li.qapkg', mimeType: 'application/octet-stream', buffer: readFileSync(li.path) },
      { name: 'enrollment-wang.qapkg', mimeType: 'application/octet-stream', buffer: wang.file },
    ]);
    await expect(page.getByTestId('expert-import-summary')).toHaveText(
      '已读取 2 个文件：新登记 2 位专家，拒收 0 个文件。',
    );
    await expect(page.getByText('共 2 位：待核对 2，已确认 0，已吊销 0。')).toBeVisible();
    await expect(page.getByTestId('expert-李明')).toContainText(grouped(li.fingerprint));

    // The same package again is refused with its reason.
    await page
      .getByLabel('选择登记包文件（.qapkg，可多选）')
      .setInputFiles({ name: 'again.qapkg', mimeType: 'application/octet-stream', buffer: wang.file });
    await expect(page.getByTestId('expert-import-summary')).toContainText('拒收 1 个文件');
    await expect(page.getByRole('list', { name: '拒收的文件' })).toContainText('again.qapkg');

    // Confirming: a fingerprint read wrongly is refused, the one the expert reads is taken.
    await page.getByRole('button', { name: '核对 李明 的指纹' }).click();
    const dialog = page.getByRole('dialog', { name: '核对 李明 的密钥指纹' });
    await expect(dialog.getByTestId('registered-fingerprint')).toContainText(grouped(li.fingerprint).slice(0, 9));
    await dialog.getByLabel('专家本人读出的指纹（空格可有可无）').fill(grouped(wang.fingerprint));
    await dialog.getByLabel('核对人姓名').fill('张科长');
    await dialog.getByRole('button', { name: '指纹一致，确认登记' }).click();
    await expect(dialog.getByRole('alert')).toContainText('输入的指纹与专家登记包中的指纹不一致，未确认。');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByLabel('专家本人读出的指纹（空格可有可无）').fill(grouped(li.fingerprint));
    await dialog.getByRole('button', { name: '指纹一致，确认登记' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已确认 李明 的登记。' })).toBeVisible();
    await expect(page.getByTestId('expert-李明')).toContainText('已确认');
    await expect(page.getByTestId('expert-李明')).toContainText('张科长 核对于');

    // The office corrects its copy of the phone and fields; a bad phone is refused on the form.
    await page.getByRole('button', { name: '修改 李明 的信息' }).click();
    const edit = page.getByRole('dialog', { name: '修改 李明 的信息' });
    await edit.getByLabel('联系电话').fill('0991-手机');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(edit.getByRole('alert')).toContainText('电话只能包含数字、空格、+ 和 -');
    await edit.getByLabel('联系电话').fill('0991 5550000');
    await edit.getByLabel('专业领域（用逗号或顿号分隔，最多 10 项）').fill('卓越绩效，标准化');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(page.getByTestId('expert-李明')).toContainText('0991 5550000');
    await expect(page.getByTestId('expert-李明')).toContainText('卓越绩效、标准化');

    // Revoking needs a reason and an explicit confirmation.
    await page.getByRole('button', { name: '吊销 王芳 的密钥' }).click();
    const revoke = page.getByRole('dialog', { name: '吊销 王芳 的密钥' });
    await expect(revoke.getByRole('button', { name: '吊销密钥' })).toBeDisabled();
    await revoke.getByLabel('吊销理由（必填）').fill('专家报告电脑遗失');
    await expect(revoke.getByRole('button', { name: '吊销密钥' })).toBeDisabled();
    await revoke.getByLabel('我确认吊销此专家的密钥').check();
    await revoke.getByRole('button', { name: '吊销密钥' }).click();
    await expect(page.getByTestId('expert-王芳')).toContainText('已吊销');
    await expect(page.getByTestId('expert-王芳')).toContainText('专家报告电脑遗失');
    await expect(page.getByTestId('expert-王芳').getByRole('button')).toHaveCount(0);

    // A panel: only the confirmed expert can be chosen; without a leader and with a work-unit conflict it is refused.
    await page.getByRole('link', { name: '办公室工作台' }).first().click();
    await page.getByRole('link', { name: cycleName }).click();
    await page.getByRole('link', { name: '评审组与任务' }).click();
    await page.getByRole('button', { name: '新建评审组' }).click();
    const form = page.getByRole('form', { name: '新建评审组（材料评审）' });
    await expect(form.getByLabel('王芳')).toHaveCount(0);
    await form.getByRole('checkbox', { name: '李明' }).check();
    await form.getByRole('checkbox', { name: '新疆质量研究院' }).check();
    await form.getByRole('checkbox', { name: '乌鲁木齐示例乳业有限公司' }).check();
    await expect(form.getByTestId('conflict-row')).toHaveText(/李明\s*新疆质量研究院\s*专家的工作单位即为该申报组织/);
    await form.getByRole('button', { name: '保存评审组' }).click();
    const problems = form.getByRole('list', { name: '不能保存的原因' });
    await expect(problems).toContainText('评审组设置不完整：请指定一名组长。');
    await expect(problems).toContainText('专家“李明”与申报组织“新疆质量研究院”存在利益冲突');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('李明 任组长').check();
    await form.getByRole('checkbox', { name: '新疆质量研究院' }).uncheck();
    await expect(form.getByText('所选专家与申报组织之间未发现利益冲突。')).toBeVisible();
    await form.getByRole('button', { name: '保存评审组' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已保存评审组“第 1 评审组”。' })).toBeVisible();
    const card = page.getByTestId('panel-第 1 评审组');
    await expect(card).toContainText('组长：李明');
    await expect(page.getByText('本阶段尚未分组的申报组织：新疆质量研究院')).toBeVisible();

    // Issuing: the assignment downloads and is listed with the expert and its file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: '为评审组“第 1 评审组”签发任务包' }).click(),
    ]);
    await expect(page.getByTestId('issue-summary')).toHaveText('已签发 1 份任务包。');
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/^assignment-.*-material-李明-.*\.qapkg$/);
    await expect(card.getByRole('table', { name: '已签发的任务包' })).toContainText(fileName);
    await expect(card.getByRole('table', { name: '已签发的任务包' })).toContainText('李明');
    await expect(
      page.getByRole('img', {
        name: '各评审组的工作量与签发情况: 第 1 评审组 — 申报组织 1, 专家 1, 已签发任务包的专家 1',
      }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Panels and assignments' })).toBeVisible();
    await expect(card).toContainText('Leader: 李明');
    await page.getByRole('button', { name: '中文' }).click();

    // The expert's app opens it: the office's signature, sealed to this expert, the one applicant of the panel.
    await expertPage.getByRole('link', { name: '评审任务' }).first().click();
    await expertPage.getByLabel('导入任务包（.qapkg）').setInputFiles({
      name: fileName,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(await download.path()),
    });
    await signPledge(expertPage);
    await expect(expertPage.getByText(cycleName).first()).toBeVisible();
    await expect(expertPage.getByRole('row', { name: /乌鲁木齐示例乳业有限公司/ })).toBeVisible();
    await expect(expertPage.getByText('新疆质量研究院', { exact: true })).toHaveCount(0);
  } finally {
    await expertContext.close();
    await expertHost.stop();
  }
});
