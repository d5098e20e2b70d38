import { expect, openDemo, signPledge, test } from './support/fixtures';
import { assignmentFor, enrollFromProfile, makeOffice } from './support/office';

test('an office-signed assignment imports and pins the office key; a different key is refused until the expert re-pins', async ({
  page,
  host,
}) => {
  await openDemo(page, host.url);
  // The expert enrolls: the office reads the enrollment package and learns the expert's receiving key.
  const expert = await enrollFromProfile(page);

  const office = await makeOffice('乌鲁木齐市质量奖评审办公室');
  const first = await assignmentFor(office, expert, '01934a5d-ac96-7abc-8cce-b302099a8057');
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page
    .getByLabel('导入任务包（.qapkg）')
    .setInputFiles({ name: 'assignment.qapkg', mimeType: 'application/octet-stream', buffer: Buffer.from(first) });
  // A new cycle: its pledge comes before anything of it.
  await signPledge(page);
  await expect(page.getByText('2026年度乌鲁木齐市人民政府质量奖').first()).toBeVisible();
  const formatted = office.signer.fingerprint.toUpperCase().match(/.{4}/g)?.join(' ') ?? '';
  await expect(page.getByTestId('office-key')).toContainText(formatted);
  await expect(page.getByTestId('office-key')).toContainText('首次导入时已固定');

  // Another office key signs the next assignment: refused with both fingerprints, until the expert re-pins.
  const impostor = await makeOffice('冒充的办公室');
  const second = await assignmentFor(impostor, expert, '01934a5d-ac96-7abc-8cce-b302099a8058');
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page
    .getByLabel('导入任务包（.qapkg）')
    .setInputFiles({ name: 'second.qapkg', mimeType: 'application/octet-stream', buffer: Buffer.from(second) });
  await expect(page.getByRole('alert')).toContainText('E_OFFICE_KEY_CHANGED');
  await expect(page.getByRole('alert')).toContainText(impostor.signer.fingerprint.slice(0, 4).toUpperCase());
  await page.getByRole('button', { name: '已与办公室核对，改用新的办公室密钥' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /申报组织/ })).toBeVisible();
});

test('an assignment for another expert is refused and nothing of it is stored', async ({ page, host }) => {
  await openDemo(page, host.url);
  const office = await makeOffice('乌鲁木齐市质量奖评审办公室');
  const { generateReceivingKeyPair } = await import('../../src-shared/packages/seal');
  const stranger = {
    id: 'expert-0000000000000000',
    fingerprint: 'e'.repeat(64),
    receivingPublicKey: (await generateReceivingKeyPair()).publicKeyRaw,
    signingPublicKey: '',
  };
  const file = await assignmentFor(office, stranger, '01934a5d-ac96-7abc-8cce-b302099a8059');
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page
    .getByLabel('导入任务包（.qapkg）')
    .setInputFiles({ name: 'other.qapkg', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  // Sealed to another expert's key: this expert cannot even open it.
  await expect(page.getByRole('alert')).toContainText('E_SEAL');
  await expect(page.getByText('2026年度乌鲁木齐市人民政府质量奖', { exact: true })).toHaveCount(0);
});

test('an assignment sealed to this expert but naming another expert is refused (E_WRONG_EXPERT)', async ({
  page,
  host,
}) => {
  await openDemo(page, host.url);
  const expert = await enrollFromProfile(page);
  const office = await makeOffice('乌鲁木齐市质量奖评审办公室');
  const file = await assignmentFor(
    office,
    { ...expert, id: 'expert-ffffffffffffffff', fingerprint: 'f'.repeat(64) },
    '01934a5d-ac96-7abc-8cce-b302099a805a',
  );
  await page.getByRole('link', { name: '评审任务' }).first().click();
  await page
    .getByLabel('导入任务包（.qapkg）')
    .setInputFiles({ name: 'wrong.qapkg', mimeType: 'application/octet-stream', buffer: Buffer.from(file) });
  await expect(page.getByRole('alert')).toContainText('E_WRONG_EXPERT');
});
