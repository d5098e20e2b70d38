import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { encodeBase64 } from '../../../src-shared/packages/base64';
import { generateReceivingKeyPair } from '../../../src-shared/packages/seal';
import { exportApplicantsCsv } from '../../../src-shared/office/applicant-csv';
import type { ApplicantRecord } from '../../../src-shared/office/applicant-schema';
import { makeSigner, packageFile } from '../../support/package-world';
import { applicant } from '../../shared/office/applicant-fixtures';
import { createCycle, createOffice } from './office-applicants';

/** The expert exports the enrollment package on the profile page; the file as downloaded and the fingerprint shown. */
export async function exportEnrollment(page: Page): Promise<{ path: string; fingerprint: string }> {
  await page.getByRole('link', { name: /专家档案与安全/ }).click();
  const shown = (await page.getByTestId('fingerprint').textContent()) ?? '';
  await page.getByRole('button', { name: '导出登记包（交办公室）' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^下载 / }).click(),
  ]);
  return { path: await download.path(), fingerprint: shown.replace(/ /g, '').toLowerCase() };
}

/**
 * A second expert's enrollment made without a screen, exactly as the expert app signs one: self-signed, unsealed,
 * issuer `expert-` + the first 16 hex of the fingerprint, cycle id `enrollment`.
 */
export async function enrollmentFile(name: string, workUnit: string): Promise<{ file: Buffer; fingerprint: string }> {
  const key = await makeSigner('pending');
  const signer = { ...key, id: `expert-${key.fingerprint.slice(0, 16)}` };
  const receiving = await generateReceivingKeyPair();
  const payload = {
    schema: 'scorebook.enrollment/1',
    kind: 'enrollment',
    packageId: '01934a5d-ac96-7abc-8cce-b302099a8100',
    cycleId: 'enrollment',
    issuer: signer.id,
    keyId: signer.fingerprint,
    createdAt: '2026-03-01T08:00:00.000Z',
    app: { name: 'Scorebook', version: 'test' },
    profile: { name, workUnit, title: '教授', phone: '0991 7654321', fields: ['标准化'] },
    signingPublicKey: encodeBase64(signer.publicKeyRaw),
    receivingPublicKey: encodeBase64(receiving.publicKeyRaw),
  };
  return { file: Buffer.from(await packageFile(signer, 'enrollment', payload)), fingerprint: signer.fingerprint };
}

/** First run as the office workstation, then a new cycle with the default settings; ends on the cycle's settings. */
export async function officeWithCycle(page: Page, url: string, cycleName: string): Promise<void> {
  await page.goto(url);
  await createOffice(page);
  await createCycle(page, cycleName);
}

/** A valid register record; the tests change the name, code and district. */
function record(name: string, uscc: string, district: ApplicantRecord['district']): ApplicantRecord {
  return applicant({
    name,
    uscc,
    district,
    industry: '质量技术服务',
    contact: { person: '张三', phone: '0991-1234567', email: 'office@example.cn' },
  });
}

/** Two fictional applicants as the applicants page imports them (codes with valid check digits). */
export function applicantsCsv(): string {
  return exportApplicantsCsv([
    record('新疆质量研究院', '91650104MA78KQ4D93', 'xinshi'),
    record('乌鲁木齐示例乳业有限公司', '91650109576231899A', 'midong'),
  ]);
}

/** Serious or critical WCAG 2.1 AA violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}
