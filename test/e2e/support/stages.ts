import type { Locator, Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, passphrase, signPledge } from './fixtures';
import { downloadsOf, filesOf, upload, type SavedFile } from './multi-actor';

/**
 * Helpers for the three-stage test (issue 5): files made in code (a PDF material, a PNG photo), the office's cycle
 * with a defense rubric and a small evidence limit, its panels of each stage, and the expert's steps that repeat from
 * stage to stage. Everything acts through the screens; Node only makes files and hashes bytes.
 */

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** An application material of three A4 pages, each saying its number. */
export async function threePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= 3; n += 1) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Application material - page ${n} / 3`, { x: 60, y: 760, size: 24, font });
    page.drawRectangle({ x: 60, y: 400, width: 300, height: 200, borderWidth: 2 });
  }
  return Buffer.from(await doc.save());
}

/** One PNG chunk: length, type, data and the CRC-32 of type and data (ISO/IEC 15948 §5.3). */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A small valid PNG (8-bit RGB, a colour gradient), so the browser decodes it as a photo would be. */
export function gradientPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0); // filter type None for every scanline
    for (let x = 0; x < width; x += 1) rows.push((x * 255) / width, (y * 255) / height, 128);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * First run as the office, then a cycle with the default three stages (weights 30/30/40), one defense rubric
 * criterion of 10 points, and experts' evidence files limited to 1 MiB. Ends on the cycle's settings.
 */
export async function officeWithThreeStageCycle(
  page: Page,
  names: { office: string; cycle: string; rubric: string },
): Promise<void> {
  await page.getByRole('button', { name: /^办公室工作站：/ }).click();
  await page.getByLabel('办公室名称').fill(names.office);
  await page.getByLabel('口令', { exact: true }).fill(passphrase);
  await page.getByLabel('再次输入口令').fill(passphrase);
  await page.getByRole('button', { name: '生成办公室密钥' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '办公室工作台' })).toBeVisible();
  await page.getByRole('link', { name: '新建评审周期' }).click();
  await page.getByLabel('名称（中文）').fill(names.cycle);
  for (const stage of ['材料评审', '陈述答辩', '现场评审']) {
    await expect(page.getByRole('checkbox', { name: stage, exact: true })).toBeChecked();
  }
  await page.getByRole('button', { name: '添加评分细则' }).click();
  const criterion = page.getByRole('group', { name: '第 1 条答辩评分细则' });
  await criterion.getByLabel('中文名称').fill(names.rubric);
  await criterion.getByLabel('分值').fill('10');
  await expect(page.getByTestId('rubric-total')).toHaveText('答辩评分细则合计 10 分。');
  await page.getByLabel(/专家证据文件（照片等）的大小上限/).fill('1');
  await page.getByRole('button', { name: '建立评审周期' }).click();
  await expect(page.getByRole('heading', { name: '评审周期设置（第 1 版）' })).toBeVisible();
}

/** The office confirms an enrolled expert by the fingerprint the expert reads out. */
export async function confirmExpert(page: Page, name: string, fingerprint: string): Promise<void> {
  const grouped = (fingerprint.toUpperCase().match(/.{4}/g) ?? []).join(' ');
  await page.getByRole('button', { name: `核对 ${name} 的指纹` }).click();
  const dialog = page.getByRole('dialog', { name: `核对 ${name} 的密钥指纹` });
  await dialog.getByLabel('专家本人读出的指纹（空格可有可无）').fill(grouped);
  await dialog.getByLabel('核对人姓名').fill('张科长');
  await dialog.getByRole('button', { name: '指纹一致，确认登记' }).click();
  await expect(page.getByTestId(`expert-${name}`)).toContainText('已确认');
}

/**
 * On the panels page: chooses the stage, saves a panel of one expert (the leader) and one applicant, and issues it;
 * the assignment as downloaded. `beforeIssue` may edit the saved panel's card first (the site visit's issues).
 */
export async function panelIssued(
  page: Page,
  input: { stage: string; expert: string; applicant: string; beforeIssue?: (card: Locator) => Promise<void> },
): Promise<SavedFile> {
  await page.getByRole('radio', { name: input.stage, exact: true }).check();
  await page.getByRole('button', { name: '新建评审组' }).click();
  const form = page.getByRole('form', { name: `新建评审组（${input.stage}）` });
  await form.getByRole('checkbox', { name: input.expert, exact: true }).check();
  await form.getByLabel(`${input.expert} 任组长`).check();
  await form.getByRole('checkbox', { name: input.applicant, exact: true }).check();
  await expect(form.getByText('所选专家与申报组织之间未发现利益冲突。')).toBeVisible();
  await form.getByRole('button', { name: '保存评审组' }).click();
  const card = page.getByTestId('panel-第 1 评审组');
  await expect(card).toContainText(`组长：${input.expert}`);
  if (input.beforeIssue !== undefined) await input.beforeIssue(card);
  const [file] = await downloadsOf(page, 1, () =>
    card.getByRole('button', { name: '为评审组“第 1 评审组”签发任务包' }).click(),
  );
  await expect(page.getByTestId('issue-summary')).toHaveText('已签发 1 份任务包。');
  if (file === undefined) throw new Error(`no assignment for ${input.stage}`);
  return file;
}

/** The expert imports an assignment; the cycle's pledge is signed at the first one only. Ends on the applicants. */
export async function importAssignment(page: Page, file: SavedFile): Promise<void> {
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page.getByLabel('导入任务包（.qapkg）').setInputFiles(upload(file));
  const pledge = page.getByRole('heading', { name: '保密承诺' });
  const list = page.getByRole('heading', { level: 1, name: /申报组织/ });
  await expect(pledge.or(list)).toBeVisible();
  if (await pledge.isVisible()) await signPledge(page);
}

/** Opens a record's item picker (a disclosure) and ticks the items. */
export async function linkItems(page: Page, picker: string, itemIds: readonly string[]): Promise<void> {
  await page.locator('summary', { hasText: picker }).click();
  const group = page.getByRole('group', { name: picker });
  for (const id of itemIds)
    await group.getByRole('checkbox', { name: new RegExp(`^${id.replace(/\./g, '\\.')} `) }).check();
  await expect(page.locator('summary', { hasText: picker })).toContainText(itemIds.join(', '));
}

/** Waits until every edit of the stage session page has committed. */
export async function sessionSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('session-save-indicator')).toHaveAttribute('data-status', 'saved');
}

/** The item's panel on the scorebook, once the outline has moved to it. */
export async function itemPanel(page: Page, itemId: string): Promise<Locator> {
  await page.getByTestId(`outline-${itemId}`).click();
  return page.getByRole('article', { name: new RegExp(`^${itemId.replace(/\./g, '\\.')} `) });
}

/**
 * Changes a carried percent (within its band) and gives the reason in place; the note first says where the carried
 * percent came from.
 */
export async function revisePercent(
  page: Page,
  change: { itemId: string; fromStage: string; from: number; to: number; reason: string },
): Promise<void> {
  const panel = await itemPanel(page, change.itemId);
  await expect(panel.getByTestId('carried-percent')).toContainText(`自${change.fromStage}沿用 ${change.from}%`);
  await panel.getByRole('radio', { name: new RegExp(`^${change.to}%（`) }).check();
  await panel.getByLabel(`修改理由（${change.from}% → ${change.to}%，必填）`).fill(change.reason);
  await panel.getByLabel(`修改理由（${change.from}% → ${change.to}%，必填）`).blur();
}

/** From the scorebook: the submit page shows no blocking problem; the expert signs and submits, back to the list. */
export async function submitSheet(page: Page): Promise<void> {
  await page.getByRole('link', { name: '提交评分表' }).click();
  await expect(page.getByTestId('submit-total')).toBeVisible();
  await expect(page.getByTestId('stage-problems')).toHaveCount(0);
  await expect(page.getByText(/处问题需先处理/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '提交评分表…' })).toBeEnabled();
  await page.getByRole('button', { name: '提交评分表…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '签名并提交' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已签名提交（第 1 版）' })).toBeVisible();
  await page.getByRole('link', { name: '返回申报组织列表' }).click();
}

/** Exactly one file; anything else fails the test with `what`. */
export function one(files: readonly SavedFile[], what: string): SavedFile {
  if (files.length !== 1 || files[0] === undefined) throw new Error(`expected one ${what}, got ${files.length}`);
  return files[0];
}

/**
 * On a site-visit panel's card: one issue to verify for the applicant, saved. Issuing acts on the page's data, which
 * holds the saved list only once the page has reloaded; until then the card still says the list is unsaved.
 */
export async function addPanelIssue(
  card: Locator,
  issue: { applicant: string; text: string; itemId: string },
): Promise<void> {
  await card.getByText('现场评审核实问题清单（0 条）').click();
  await card.getByRole('button', { name: `为“${issue.applicant}”添加核实问题` }).click();
  const entry = card.getByRole('group', { name: `“${issue.applicant}”的第 1 条核实问题` });
  await entry.getByLabel('问题内容').fill(issue.text);
  await entry.getByText('评分项：未选择').click();
  await entry.getByRole('checkbox', { name: new RegExp(`^${issue.itemId.replace(/\./g, '\\.')} `) }).check();
  await card.getByRole('button', { name: '保存核实问题' }).click();
  await expect(card.getByText('已保存核实问题清单。')).toBeVisible();
  await expect(card.getByText('现场评审核实问题清单（1 条）')).toBeVisible();
  await expect(card.getByText('核实问题清单有未保存的修改。')).toHaveCount(0);
}

/**
 * The office's inbox takes the expert's files, pledge and declarations before the sheets; a copy of the site sheet
 * with one byte changed is refused.
 */
export async function inboxTakes(office: Page, handedIn: readonly SavedFile[], siteSheet: SavedFile): Promise<void> {
  await office.getByRole('link', { name: '收件箱' }).click();
  const choose = office.getByLabel('选择文件…', { exact: true });
  const summary = office.getByTestId('inbox-summary');
  const first = [...filesOf(handedIn, 'pledge'), ...filesOf(handedIn, 'declaration')];
  await choose.setInputFiles(first.map((f) => upload(f)));
  await expect(summary).toHaveText(`本次导入 ${first.length} 个文件：接受 ${first.length}，重复 0，拒收 0`);
  const sheets = filesOf(handedIn, 'sheet');
  await choose.setInputFiles(sheets.map((f) => upload(f)));
  await expect(summary).toHaveText('本次导入 3 个文件：接受 3，重复 0，拒收 0');
  await expect(office.getByTestId('inbox-accepted').getByRole('row', { name: siteSheet.name })).toContainText('已接受');

  // The whole container (photo included) is sealed: a changed byte anywhere fails to open (E_SEAL).
  const bytes = Buffer.from(siteSheet.bytes);
  const at = bytes.length - 200;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  await choose.setInputFiles(upload({ name: 'site-sheet-changed.qapkg', bytes }));
  await expect(summary).toHaveText('本次导入 1 个文件：接受 0，重复 0，拒收 1');
  const tampered = office.getByTestId('inbox-rejected').getByRole('row', { name: 'site-sheet-changed.qapkg' });
  await expect(tampered).toContainText('E_SEAL');
}
