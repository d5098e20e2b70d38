import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, formatHundredths, openApplicant, test } from './support/fixtures';
import {
  createExpert,
  downloadsOf,
  expectedMatrix,
  exportOutbox,
  filesOf,
  flaggedItems,
  items,
  meanStageTotal,
  officeWithMaterialCycle,
  correctToConflict,
  scoreAndSubmit,
  startActor,
  stopActors,
  tableText,
  takeAssignment,
  upload,
  type Actor,
  type ExpertSpec,
  type SavedFile,
} from './support/multi-actor';
import { cycleName, officeName } from './support/office-applicants';
import { applicantsCsv, exportEnrollment } from './support/office-panels';

/**
 * Issue 4, item 10: the office and five experts, each on their own computer (web host, data folder, browser
 * context), with files carried between them as downloads. Everything is done through the screens; Node only reads
 * the downloaded files, damages a copy of one, and recomputes the office's figures from the percents entered.
 */

const applicantA = '新疆质量研究院';
const applicantB = '乌鲁木齐示例乳业有限公司';
/** The cycle's default spread threshold (percentage points), kept. */
const threshold = 30;
const panelName = '第 1 评审组';

/** None of the work units names an applicant, so the panel has no conflict to refuse. */
const experts: readonly ExpertSpec[] = [
  { name: '王志刚', workUnit: '新疆大学经济与管理学院' },
  { name: '陈晓燕', workUnit: '新疆维吾尔自治区标准化研究院' },
  { name: '马建军', workUnit: '乌鲁木齐市计量测试所' },
  { name: '古丽娜尔', workUnit: '新疆财经大学' },
  { name: '赵宏伟', workUnit: '石河子大学' },
];
const expertName = (index: number): string => experts[index]?.name ?? '';

/**
 * The percents expert `expert` (0–4) gives applicant `applicant` (0 = A, 1 = B): 50–65 % with spreads under the
 * threshold, except one item per applicant spread over it (A: 4.1.2 from 30 to 65; B: 4.4.5 with one 95).
 */
function plannedPercents(expert: number, applicant: 0 | 1): number[] {
  return items.map((_, item) => {
    if (applicant === 0 && item === 0) return [30, 45, 60, 65, 50][expert] ?? 50;
    if (applicant === 1 && item === 10 && expert === 0) return 95;
    return 50 + 5 * ((item * 7 + expert * 3 + applicant * 5 + item * expert) % 4);
  });
}

const grouped = (hex: string): string => (hex.toUpperCase().match(/.{4}/g) ?? []).join(' ');

function one(files: readonly SavedFile[], what: string): SavedFile {
  if (files.length !== 1 || files[0] === undefined) throw new Error(`expected one ${what}, got ${files.length}`);
  return files[0];
}

/**
 * The office's inbox: pledges and declarations first (so it knows of expert 5's recusal, version 2 of the declaration,
 * when the sheets are checked), then the sheets; a file imported again, and a damaged copy.
 */
async function runInbox(office: Page, of: (expert: number) => SavedFile[], idA: string, idB: string): Promise<void> {
  const everyone = [0, 1, 2, 3, 4];
  one(
    filesOf(of(4), 'declaration', idA).filter((f) => f.name.includes('-v2-')),
    'correction to a conflict',
  );
  await office.getByRole('link', { name: '收件箱' }).click();
  await expect(office.getByRole('heading', { level: 1, name: '收件箱' })).toBeVisible();
  const choose = office.getByLabel('选择文件…', { exact: true });
  const summary = office.getByTestId('inbox-summary');

  // Handed in as exported (newest first): the inbox puts each chain's versions in order before it sends them.
  const first = everyone.flatMap((e) => [...filesOf(of(e), 'pledge'), ...filesOf(of(e), 'declaration')]);
  await choose.setInputFiles(first.map((file) => upload(file)));
  await expect(summary).toHaveText('本次导入 16 个文件：接受 16，重复 0，拒收 0');

  await choose.setInputFiles(everyone.flatMap((e) => filesOf(of(e), 'sheet')).map((file) => upload(file)));
  await expect(summary).toHaveText('本次导入 10 个文件：接受 9，重复 0，拒收 1');
  const recused = one(filesOf(of(4), 'sheet', idA), 'sheet of expert 5 for A');
  const refused = office.getByTestId('inbox-rejected').getByRole('row', { name: recused.name });
  await expect(refused).toContainText('E_RECUSED');
  await expect(refused).toContainText('该专家已声明回避此申报组织，其评分不予计入。');
  const firstSheet = one(filesOf(of(0), 'sheet', idA), 'sheet of expert 1 for A');
  const accepted = office.getByTestId('inbox-accepted').getByRole('row', { name: firstSheet.name });
  await expect(accepted).toContainText('已接受');
  const receiptId = (await accepted.getByTestId('receipt-id').textContent()) ?? '';
  expect(receiptId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(office.getByTestId('inbox-counts')).toContainText('评分表 9 份、回避声明 10 份、保密承诺 5 份');
  for (const e of everyone) {
    const row = office.getByTestId('inbox-experts').getByRole('row', { name: expertName(e) });
    await expect(row).toContainText(e === 4 ? '1 / 2 份' : '2 / 2 份');
  }

  await choose.setInputFiles(upload(firstSheet));
  await expect(summary).toHaveText('本次导入 1 个文件：接受 0，重复 1，拒收 0');
  const again = office.getByTestId('inbox-accepted').getByRole('row', { name: firstSheet.name });
  await expect(again).toContainText('已收到（重复）');
  await expect(again.getByTestId('receipt-id')).toHaveText(receiptId);

  const bytes = Buffer.from(one(filesOf(of(1), 'sheet', idB), 'sheet of expert 2 for B').bytes);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  await choose.setInputFiles(upload({ name: 'e2-sheet-tampered.qapkg', bytes }));
  await expect(summary).toHaveText('本次导入 1 个文件：接受 0，重复 0，拒收 1');
  const tampered = office.getByTestId('inbox-rejected').getByRole('row', { name: 'e2-sheet-tampered.qapkg' });
  await expect(tampered).toContainText('E_SEAL');
  await expect(tampered).toContainText('无法解密此评分包：它不是发给本机密钥的，或已损坏。');

  // Every refusal stays listed; the counts are the latest version of each chain.
  await expect(office.getByTestId('inbox-all-rejected')).toContainText(recused.name);
  await expect(office.getByTestId('inbox-counts')).toContainText('评分表 9 份、回避声明 10 份、保密承诺 5 份');
}

/** The office exports expert 1's receipts; expert 1's outbox takes them and marks every package confirmed. */
async function confirmReceipts(office: Page, expert: Page): Promise<void> {
  const [receipts] = await downloadsOf(office, 1, () =>
    office.getByRole('button', { name: `导出 ${expertName(0)} 的回执` }).click(),
  );
  if (receipts === undefined) throw new Error('no receipts file');
  expect(receipts.name).toMatch(/\.qarcpt$/);
  await expect(office.getByTestId('receipts-exported')).toContainText('5 张回执');
  await expect(expert.getByRole('heading', { level: 1, name: '发件箱' })).toBeVisible();
  await expert.getByLabel('选择回执文件（可多选）').setInputFiles(upload(receipts));
  await expect(expert.getByTestId('receipt-summary')).toHaveText(
    '已处理 1 个文件：新确认 5 个评分包，0 个此前已确认，0 个问题。',
  );
  await expect(expert.getByRole('row').filter({ hasText: '已确认' })).toHaveCount(5);
  await expect(expert.getByText('共 5 个评分包，其中 0 个尚未经办公室回执确认。')).toBeVisible();
}

/**
 * The results page and each applicant's material stage page against figures recomputed here: A has the sheets of
 * experts 1–4 (expert 5 is recused from A: neither counted nor missed), B all five.
 */
async function checkResults(office: Page): Promise<void> {
  const applicants = [
    { name: applicantA, experts: [0, 1, 2, 3], sheets: [0, 1, 2, 3].map((e) => plannedPercents(e, 0)) },
    { name: applicantB, experts: [0, 1, 2, 3, 4], sheets: [0, 1, 2, 3, 4].map((e) => plannedPercents(e, 1)) },
  ].map((a) => ({ ...a, total: meanStageTotal(a.sheets), flagged: flaggedItems(a.sheets, threshold) }));
  // The plan spreads one item of each applicant over the threshold and keeps the two totals apart.
  expect(applicants.map((a) => a.flagged)).toEqual([['4.1.2'], ['4.4.5']]);
  const ranked = [...applicants].sort((x, y) => y.total - x.total);
  expect(ranked[0]?.total).not.toBe(ranked[1]?.total);

  await office.getByRole('link', { name: '汇总与结果' }).first().click();
  await expect(office.getByText('已接收 9 份评分表（每位专家对每个申报组织取最新版本）。')).toBeVisible();
  const stage = office.getByRole('table', { name: '材料评审：各申报组织的评分表、阶段得分与合议状态' });
  await expect
    .poll(async () => (await tableText(stage)).slice(1))
    .toEqual(
      ranked.map((a, i) => [
        String(i + 1),
        a.name,
        `${a.experts.length}/${a.experts.length} 份`,
        formatHundredths(a.total),
        `${a.flagged.length} 项：${a.flagged.join('、')}`,
        '未合议',
      ]),
    );
  // Material review weighs 100 %: the combined score is the stage total.
  await expect
    .poll(async () => (await tableText(office.getByRole('table', { name: '综合排名' }))).slice(1))
    .toEqual(ranked.map((a, i) => [String(i + 1), a.name, formatHundredths(a.total), formatHundredths(a.total)]));

  for (const applicant of applicants) {
    await stage.getByRole('link', { name: applicant.name }).click();
    await expect(office.getByRole('heading', { level: 1, name: `${applicant.name}（材料评审）` })).toBeVisible();
    const recused = applicant.experts.length < 5 ? ` — 已回避：${expertName(4)}` : '';
    const count = applicant.experts.length;
    await expect(office.getByText(`${count}/${count} 份${recused}`, { exact: true })).toBeVisible();
    const matrix = office.getByRole('table', { name: '各评分项的专家评分及统计量' });
    // Each row is compared whole, but headed by its item id only (the heading also names the item).
    await expect
      .poll(async () => (await tableText(matrix)).map((row) => [(row[0] ?? '').split(' ')[0], ...row.slice(1)]))
      .toEqual(expectedMatrix(applicant.sheets, applicant.experts.map(expertName), threshold));
    await office.getByRole('link', { name: '汇总与结果' }).first().click();
  }
}

test('the office and five experts run a cycle: assignments, pledges, a recusal, sheets, inbox, receipts and results', async ({
  browser,
}) => {
  test.setTimeout(15 * 60_000);
  const actors: Actor[] = [];
  try {
    const office = (await startActor(browser, actors)).page;
    const desks = await Promise.all(
      experts.map(async (expert) => ({ expert, page: (await startActor(browser, actors)).page })),
    );
    const firstDesk = desks[0]?.page;
    if (firstDesk === undefined) throw new Error('no expert');

    // Each expert sets up their computer and exports the enrollment package for the office.
    const enrollments = await Promise.all(
      desks.map(async ({ expert, page }, index) => {
        await createExpert(page, expert);
        const { path, fingerprint } = await exportEnrollment(page);
        return {
          name: expert.name,
          fingerprint,
          file: { name: `enrollment-${index + 1}.qapkg`, bytes: readFileSync(path) },
        };
      }),
    );

    // The office: a cycle, two applicants from CSV, five enrolled experts confirmed by fingerprint.
    await officeWithMaterialCycle(office, officeName, cycleName);
    await office.getByRole('link', { name: '申报组织', exact: true }).click();
    await office.getByLabel('选择 CSV 或 Excel 文件导入…').setInputFiles({
      name: 'applicants.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(applicantsCsv()),
    });
    await expect(office.getByTestId('import-summary')).toContainText('导入 2 个');
    await office.getByRole('link', { name: '专家登记' }).click();
    await office.getByLabel('选择登记包文件（.qapkg，可多选）').setInputFiles(enrollments.map((e) => upload(e.file)));
    await expect(office.getByTestId('expert-import-summary')).toHaveText(
      '已读取 5 个文件：新登记 5 位专家，拒收 0 个文件。',
    );
    for (const { name, fingerprint } of enrollments) {
      await office.getByRole('button', { name: `核对 ${name} 的指纹` }).click();
      const dialog = office.getByRole('dialog', { name: `核对 ${name} 的密钥指纹` });
      await dialog.getByLabel('专家本人读出的指纹（空格可有可无）').fill(grouped(fingerprint));
      await dialog.getByLabel('核对人姓名').fill('张科长');
      await dialog.getByRole('button', { name: '指纹一致，确认登记' }).click();
      await expect(office.getByTestId(`expert-${name}`)).toContainText('已确认');
    }
    await expect(office.getByText('共 5 位：待核对 0，已确认 5，已吊销 0。')).toBeVisible();

    // One material-review panel: the five experts (the first leads) and both applicants; issued as five downloads.
    await office.getByRole('link', { name: '办公室工作台' }).first().click();
    await office.getByRole('link', { name: cycleName }).click();
    await office.getByRole('link', { name: '评审组与任务' }).click();
    await office.getByRole('button', { name: '新建评审组' }).click();
    const form = office.getByRole('form', { name: '新建评审组（材料评审）' });
    for (const expert of experts) await form.getByRole('checkbox', { name: expert.name, exact: true }).check();
    await form.getByLabel(`${expertName(0)} 任组长`).check();
    await form.getByRole('checkbox', { name: applicantA, exact: true }).check();
    await form.getByRole('checkbox', { name: applicantB, exact: true }).check();
    await expect(form.getByText('所选专家与申报组织之间未发现利益冲突。')).toBeVisible();
    await form.getByRole('button', { name: '保存评审组' }).click();
    await expect(office.getByRole('status').filter({ hasText: `已保存评审组“${panelName}”。` })).toBeVisible();
    const assignments = await downloadsOf(office, experts.length, () =>
      office
        .getByTestId(`panel-${panelName}`)
        .getByRole('button', { name: `为评审组“${panelName}”签发任务包` })
        .click(),
    );
    await expect(office.getByTestId('issue-summary')).toHaveText('已签发 5 份任务包。');
    const assignmentOf = (index: number): SavedFile => {
      const file = assignments.find((a) => a.name.includes(`-material-${expertName(index)}-`));
      if (file === undefined) throw new Error(`no assignment for ${expertName(index)}`);
      return file;
    };

    // Expert 1 reads the applicants' ids (the office's own, carried in the assignment): files are named by them.
    await takeAssignment(firstDesk, assignmentOf(0));
    const [idA = '', idB = ''] = await Promise.all(
      [applicantA, applicantB].map(async (name) => {
        const testId = await firstDesk.getByRole('row', { name: new RegExp(name) }).getAttribute('data-testid');
        return (testId ?? '').replace(/^row-/, '');
      }),
    );
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);

    // The experts, side by side: assignment, pledge, a declaration and a complete sheet for each applicant, submitted,
    // then "export all" from the outbox. Expert 5, after submitting A, learns of a conflict and corrects the
    // declaration (a signed version 2 with a reason): A closes for them, and their sheet for A must not count.
    const handedIn = await Promise.all(
      desks.map(async ({ page }, index) => {
        if (index > 0) await takeAssignment(page, assignmentOf(index));
        await openApplicant(page, applicantA);
        await scoreAndSubmit(page, plannedPercents(index, 0));
        if (index === 4) await correctToConflict(page, applicantA);
        await openApplicant(page, applicantB);
        await scoreAndSubmit(page, plannedPercents(index, 1));
        const files = await exportOutbox(page, index === 4 ? 6 : 5);
        // The office keeps each expert's files apart, as when they arrive on several USB sticks.
        return files.map((file) => ({ name: `e${index + 1}-${file.name}`, bytes: file.bytes }));
      }),
    );
    const of = (index: number): SavedFile[] => handedIn[index] ?? [];

    await runInbox(office, of, idA, idB);
    await confirmReceipts(office, firstDesk);
    await checkResults(office);
  } finally {
    await stopActors(actors);
  }
});
