import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, openApplicant, test, waitSaved } from './support/fixtures';
import {
  createExpert,
  downloadsOf,
  exportOutbox,
  filesOf,
  items,
  scoreAll,
  startActor,
  stopActors,
  upload,
  type Actor,
  type SavedFile,
} from './support/multi-actor';
import { applicantsCsv, exportEnrollment } from './support/office-panels';
import {
  addPanelIssue,
  confirmExpert,
  gradientPng,
  importAssignment,
  inboxTakes,
  linkItems,
  one,
  officeWithThreeStageCycle,
  panelIssued,
  revisePercent,
  sessionSaved,
  sha256Of,
  submitSheet,
  threePagePdf,
} from './support/stages';

/**
 * Issue 5, item 7: the office and one expert, each on their own computer, take one applicant through material review,
 * the defense and the site visit. The office stores a PDF material and a panel issue; the expert reads the material,
 * writes an issue to verify, revises carried percents with reasons, times the defense, settles the issues on site and
 * adds a photo; the office receives the three sheets and sees the stage work, the photo included. Files travel only
 * as downloads; Node makes the PDF and the photo and hashes bytes.
 */

const officeName = '乌鲁木齐市质量奖评审办公室';
const cycleName = '2026年度乌鲁木齐市人民政府质量奖';
const applicant = '乌鲁木齐示例乳业有限公司';
const expert = { name: '王志刚', workUnit: '新疆大学经济与管理学院' };
const rubric = '陈述的清晰度';
const materialName = '乳业申报材料.pdf';

/** Material review percents: 50–65 %, where no comment rule asks for more than one strength. */
const percents = items.map((_, index) => 50 + 5 * (index % 4));
const item = (index: number): string => items[index]?.id ?? '';
/** Revised at the defense (50 → 60) and on site (60 → 50), each with a reason. */
const defenseChange = { itemId: item(0), from: 50, to: 60, reason: '答辩中补充说明了战略目标的分解与考核' };
const siteChange = { itemId: item(2), from: 60, to: 50, reason: '现场抽查发现目标考核记录不完整' };
const ownIssue = '财务报表中研发投入占比与正文表述不一致，需现场核实';
const panelIssue = '核实客户满意度测评是否由第三方独立开展';
const findings = { own: '查阅财务凭证，研发投入占比与正文一致', panel: '测评由企业自行组织，未委托第三方' };

/** The office: cycle, applicants, the material stored with one applicant, the expert confirmed, three panels issued. */
async function officePrepares(office: Page, enrollment: { file: SavedFile; fingerprint: string }, pdf: Buffer) {
  await officeWithThreeStageCycle(office, { office: officeName, cycle: cycleName, rubric });
  await office.getByRole('link', { name: '申报组织', exact: true }).click();
  await office.getByLabel('选择 CSV 或 Excel 文件导入…').setInputFiles({
    name: 'applicants.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(applicantsCsv()),
  });
  await expect(office.getByTestId('import-summary')).toContainText('导入 2 个');
  await office.getByRole('button', { name: `编辑：${applicant}` }).click();
  await office
    .getByLabel('选择 PDF 文件…')
    .setInputFiles({ name: materialName, mimeType: 'application/pdf', buffer: pdf });
  const stored = office.getByRole('row', { name: new RegExp(materialName) });
  await expect(stored).toContainText(sha256Of(pdf));
  await expect(stored).toContainText('已存储');
  await office.getByLabel(`“${materialName}”含商业秘密`).check();
  await office.getByRole('button', { name: '保存', exact: true }).click();
  await expect(office.getByRole('status').filter({ hasText: `已保存“${applicant}”。` })).toBeVisible();

  await office.getByRole('link', { name: '专家登记' }).click();
  await office.getByLabel('选择登记包文件（.qapkg，可多选）').setInputFiles(upload(enrollment.file));
  await expect(office.getByTestId('expert-import-summary')).toHaveText(
    '已读取 1 个文件：新登记 1 位专家，拒收 0 个文件。',
  );
  await confirmExpert(office, expert.name, enrollment.fingerprint);

  await office.getByRole('link', { name: '办公室工作台' }).first().click();
  await office.getByRole('link', { name: cycleName }).click();
  await office.getByRole('link', { name: '评审组与任务' }).click();
  const panel = { expert: expert.name, applicant };
  const material = await panelIssued(office, { ...panel, stage: '材料评审' });
  const defense = await panelIssued(office, { ...panel, stage: '陈述答辩' });
  const site = await panelIssued(office, {
    ...panel,
    stage: '现场评审',
    beforeIssue: (card) => addPanelIssue(card, { applicant, text: panelIssue, itemId: item(5) }),
  });
  for (const [stage, file] of Object.entries({ material, defense, site })) {
    expect(file.name).toMatch(new RegExp(`^assignment-.*-${stage}-${expert.name}-[0-9a-f]{8}\\.qapkg$`));
  }
  return { material, defense, site };
}

/** Material review: the material opens watermarked at 1 / 3; every item scored; one issue to verify; submitted. */
async function expertMaterial(desk: Page, file: SavedFile, pdf: Buffer): Promise<void> {
  await importAssignment(desk, file);
  await openApplicant(desk, applicant);
  const materials = desk.getByRole('region', { name: '申报材料' });
  await expect(materials.getByRole('row', { name: new RegExp(materialName) })).toContainText('商业秘密');
  await expect(materials.getByTitle(`SHA-256：${sha256Of(pdf)}`)).toBeVisible();
  await materials.getByRole('button', { name: `查看“${materialName}”` }).click();
  const dock = desk.getByRole('dialog');
  await expect(dock.getByTestId('materials-page')).toHaveText('第 1 / 3 页');
  await expect(dock.getByTestId('materials-watermark')).toContainText(expert.name);
  await expect(dock.getByRole('button', { name: '保存副本' })).toHaveCount(0);
  await dock.getByRole('button', { name: '关闭' }).click();
  await expect(dock).toHaveCount(0);

  await scoreAll(desk, percents);
  await desk.getByRole('navigation', { name: '评审阶段' }).getByRole('link', { name: '待核实问题' }).click();
  await desk.getByRole('button', { name: '添加待核实问题' }).click();
  await desk.getByLabel('待核实问题 1：类型').selectOption({ label: '核实' });
  await desk.getByLabel('待核实问题 1：问题').fill(ownIssue);
  await desk.getByLabel('待核实问题 1：依据（材料页码或章节）').fill('第 2 页 财务报表');
  await linkItems(desk, '待核实问题 1：关联评分项', [item(1)]);
  await sessionSaved(desk);
  await desk.getByRole('link', { name: '评分与修订理由（评分页）' }).click();
  await submitSheet(desk);
}

/** The defense: a carried percent revised with its reason; timer, a question, the rubric; submitted. */
async function expertDefense(desk: Page, file: SavedFile): Promise<void> {
  await importAssignment(desk, file);
  await openApplicant(desk, applicant);
  await expect(desk.getByTestId('stage-step-defense')).toHaveAttribute('aria-current', 'step');
  await revisePercent(desk, { ...defenseChange, fromStage: '材料评审' });
  await waitSaved(desk);

  await desk.getByRole('navigation', { name: '评审阶段' }).getByRole('link', { name: '答辩记录' }).click();
  await expect(desk.getByText(ownIssue)).toBeVisible();
  await desk.getByRole('button', { name: '开始计时' }).click();
  // The first segment counts down from its 15 minutes.
  await expect(desk.getByTestId('timer-now')).toHaveText(/^陈述\s*计时中\s*14:5\d$/);
  await desk.getByRole('button', { name: '暂停计时' }).click();
  await expect(desk.getByTestId('timer-now')).toContainText('已暂停');
  await desk.getByRole('button', { name: '添加提问' }).click();
  await desk.getByLabel('提问 1：提问').fill('战略目标如何分解到各部门并考核？');
  await desk.getByLabel('提问 1：回答要点').fill('按年度分解到部门，季度考核并与绩效挂钩');
  await linkItems(desk, '提问 1：关联评分项', [defenseChange.itemId]);
  await desk.getByLabel(`${rubric}得分（0–10）`).fill('8');
  await expect(desk.getByTestId('rubric-sum')).toContainText('8 / 10');
  await sessionSaved(desk);
  await desk.getByRole('link', { name: '评分与修订理由（评分页）' }).click();
  await submitSheet(desk);
}

/** The site visit: both issues settled, an interview, a document, key themes, a photo; a percent revised; submitted. */
async function expertSite(desk: Page, file: SavedFile, photo: SavedFile, tooLarge: SavedFile): Promise<void> {
  await importAssignment(desk, file);
  await openApplicant(desk, applicant);
  await revisePercent(desk, { ...siteChange, fromStage: '陈述答辩' });
  await waitSaved(desk);

  await desk.getByRole('navigation', { name: '评审阶段' }).getByRole('link', { name: '现场评审记录' }).click();
  await expect(desk.getByTestId('issue-progress')).toContainText('已核实 0 / 2 项');
  const own = desk.getByRole('listitem').filter({ has: desk.getByRole('heading', { name: /^待核实问题 1 / }) });
  await expect(own.getByRole('heading')).toContainText('本人');
  await expect(desk.getByLabel('待核实问题 1：问题')).toHaveValue(ownIssue);
  await desk.getByLabel('待核实问题 1：核实状态').selectOption({ label: '属实' });
  await desk.getByLabel('待核实问题 1：核实情况').fill(findings.own);
  const panel = desk.getByRole('listitem').filter({ has: desk.getByRole('heading', { name: /^待核实问题 2 / }) });
  await expect(panel.getByRole('heading')).toContainText('专家组');
  await expect(panel).toContainText(panelIssue);
  await desk.getByLabel('待核实问题 2：核实状态').selectOption({ label: '不属实' });
  await desk.getByLabel('待核实问题 2：核实情况').fill(findings.panel);
  await expect(desk.getByTestId('issue-progress')).toContainText('已核实 2 / 2 项');

  await desk.getByRole('button', { name: '添加访谈' }).click();
  await desk.getByLabel('访谈 1：受访者岗位').fill('质量管理部部长');
  await desk.getByLabel('访谈 1：访谈主题').fill('顾客满意度测评的组织方式');
  await desk.getByLabel('访谈 1：发现').fill('测评问卷由销售部自行发放回收');
  await linkItems(desk, '访谈 1：关联评分项', [item(5)]);
  await desk.getByRole('button', { name: '添加文件' }).click();
  await desk.getByLabel('文件 1：文件名称').fill('2025 年度目标责任书');
  await desk.getByLabel('文件 1：文号').fill('乳业发〔2025〕3 号');
  await desk.getByLabel('文件 1：页码').fill('4');
  await linkItems(desk, '文件 1：关联评分项', [siteChange.itemId]);
  for (const [kind, texts] of [
    ['总体优势', ['奶源基地全程可追溯', '质量检测能力覆盖全部关键指标', '领导层重视质量文化建设']],
    ['总体改进机会', ['顾客满意度测评缺乏独立性', '目标考核记录不完整', '创新成果转化机制尚不健全']],
  ] as const) {
    for (const [index, text] of texts.entries()) {
      await desk.getByRole('button', { name: `添加${kind}` }).click();
      await desk.getByRole('textbox', { name: `${kind}第 ${index + 1} 条` }).fill(text);
    }
  }
  await expect(desk.getByTestId('theme-count-strength')).toHaveAttribute('data-state', 'ok');
  await expect(desk.getByTestId('theme-count-ofi')).toHaveAttribute('data-state', 'ok');

  const choose = desk.getByLabel('选择证据文件', { exact: true });
  await choose.setInputFiles({ name: photo.name, mimeType: 'image/png', buffer: photo.bytes });
  const cards = desk.locator('.evidence-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toHaveAttribute('data-sha256', sha256Of(photo.bytes));
  await expect(desk.getByRole('img', { name: `证据照片：${photo.name}` })).toBeVisible();
  const record = `证据 1（${photo.name}）`;
  await desk.getByLabel(`${record}：说明`).fill('顾客满意度问卷回收登记表');
  await linkItems(desk, `${record}：关联评分项`, [item(5)]);
  // Over the cycle's 1 MiB: refused on its size, before it is read; no card is added.
  await choose.setInputFiles({ name: tooLarge.name, mimeType: 'image/jpeg', buffer: tooLarge.bytes });
  const refused = desk.getByRole('alert').filter({ hasText: 'E_EVIDENCE_TOO_LARGE' });
  await expect(refused).toContainText(`证据文件“${tooLarge.name}”有`);
  await expect(refused).toContainText('超过本届评审的上限');
  await expect(cards).toHaveCount(1);
  await sessionSaved(desk);

  // The stage view: the cycle's three stages, the revised item with its reason, the radar over all three.
  await desk.getByRole('link', { name: '评分与修订理由（评分页）' }).click();
  await desk.getByRole('navigation', { name: '评审阶段' }).getByRole('link', { name: '阶段对比' }).click();
  await expect(desk.getByRole('list', { name: '本届评审的阶段顺序' }).getByRole('listitem')).toHaveText([
    /材料评审/,
    /陈述答辩/,
    /现场评审/,
  ]);
  const row = desk.getByTestId(`stage-row-${siteChange.itemId}`);
  await expect(row).toContainText('已改动 60% → 50%');
  await expect(row).toContainText(siteChange.reason);
  await expect(desk.getByTestId('stage-table').locator('caption')).toContainText('1 项改动，其中 0 项尚缺理由');
  const radar = desk.getByRole('img', { name: /^各阶段七大类目得分率雷达图/ });
  for (const stage of ['材料评审', '陈述答辩', '现场评审'])
    await expect(radar).toHaveAccessibleName(new RegExp(`${stage}:`));
  await desk.getByRole('link', { name: '返回评分表' }).click();
  await submitSheet(desk);
}

/** The site stage page of the applicant shows the expert's stage work, the photo read back from the office's store. */
async function officeSeesSiteWork(office: Page, photo: SavedFile): Promise<void> {
  await office.getByRole('link', { name: '汇总与结果' }).first().click();
  const site = office.getByRole('table', { name: '现场评审：各申报组织的评分表、阶段得分与合议状态' });
  await site.getByRole('link', { name: applicant }).click();
  await expect(office.getByRole('heading', { level: 1, name: `${applicant}（现场评审）` })).toBeVisible();
  const work = office.getByTestId(`work-${expert.name}`);
  await expect(work.locator('summary')).toContainText('调整 1 项，核实问题 2 条，证据 1 个');
  // Photos are read from the office's store only once the expert's record is opened.
  const served = office.waitForResponse((r) =>
    r.url().endsWith(`/rpc/${encodeURIComponent('office:attachment-read')}`),
  );
  await work.locator('summary').click();
  const changes = work.getByRole('table', { name: '相对上一阶段的得分率调整及理由' });
  await expect(
    changes.getByRole('row', { name: new RegExp(`^${siteChange.itemId.replace(/\./g, '\\.')} `) }),
  ).toContainText(`陈述答辩：60% → 50%${siteChange.reason}`);
  const issues = work.getByRole('table', { name: '核实问题' });
  await expect(issues.getByRole('row', { name: new RegExp(ownIssue) })).toContainText(`已证实${findings.own}`);
  await expect(issues.getByRole('row', { name: new RegExp(panelIssue) })).toContainText(`未证实${findings.panel}`);
  await expect(issues.getByRole('row', { name: new RegExp(panelIssue) })).toContainText('评审组清单');
  await expect(work.getByRole('heading', { name: '关键优势（3 条）' })).toBeVisible();
  await expect(work.getByRole('heading', { name: '关键改进机会（3 条）' })).toBeVisible();
  await expect(work.getByText('奶源基地全程可追溯')).toBeVisible();
  await expect(work.getByText('创新成果转化机制尚不健全')).toBeVisible();

  const image = work.getByRole('img', { name: '顾客满意度问卷回收登记表' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(24);
  // The bytes the office read back and shows are the photo's, hashed here (node:crypto).
  const answer = (await (await served).json()) as { ok: boolean; value?: { base64?: string } };
  expect(answer.ok).toBe(true);
  expect(sha256Of(Buffer.from(answer.value?.base64 ?? '', 'base64'))).toBe(sha256Of(photo.bytes));
  await expect(work).toContainText(`关联评分项：${item(5)}`);
}

test('one applicant through material review, defense and site visit: a material, issues, revisions and a photo', async ({
  browser,
}) => {
  test.setTimeout(6 * 60_000);
  const actors: Actor[] = [];
  try {
    const office = (await startActor(browser, actors)).page;
    const desk = (await startActor(browser, actors)).page;
    await createExpert(desk, expert);
    const { path, fingerprint } = await exportEnrollment(desk);
    const enrollment = { file: { name: 'enrollment.qapkg', bytes: readFileSync(path) }, fingerprint };
    const pdf = await threePagePdf();
    const photo = { name: 'site-photo.png', bytes: gradientPng(24, 16) };
    const tooLarge = { name: 'site-video-still.jpg', bytes: Buffer.alloc(1_500_000, 0x5a) };

    const assignments = await officePrepares(office, enrollment, pdf);
    await expertMaterial(desk, assignments.material, pdf);
    await expertDefense(desk, assignments.defense);
    await expertSite(desk, assignments.site, photo, tooLarge);

    // One pledge for the cycle, a declaration and a sheet per stage. Files are named by applicant, version and the
    // clock part of the package id, so one applicant's three sheets signed within a minute share a name: numbered
    // here, as a download folder would keep them apart.
    const exported = await exportOutbox(desk, 7);
    const handedIn = exported.map((file, index) => ({ name: `${index + 1}-${file.name}`, bytes: file.bytes }));
    expect(filesOf(handedIn, 'pledge')).toHaveLength(1);
    expect(filesOf(handedIn, 'declaration')).toHaveLength(3);
    expect(filesOf(handedIn, 'sheet')).toHaveLength(3);
    // The outbox row says which sheet is the site visit's: saved once more from there, it is known by its bytes.
    const siteRow = desk
      .getByRole('row')
      .filter({ has: desk.getByRole('cell', { name: '评分表', exact: true }) })
      .filter({ has: desk.getByRole('cell', { name: '现场评审', exact: true }) });
    const [siteCopy] = await downloadsOf(desk, 1, () => siteRow.getByRole('link').click());
    const siteSheet = one(
      handedIn.filter((file) => siteCopy !== undefined && file.bytes.equals(siteCopy.bytes)),
      'site sheet',
    );
    await inboxTakes(office, handedIn, siteSheet);
    await officeSeesSiteWork(office, photo);
  } finally {
    await stopActors(actors);
  }
});
