import type { Bilingual } from './error-messages';

/** The messages of the stage codes (materials, evidence, stage work; issue 5), spread into error-messages.ts. */
export const stageErrorMessages = {
  E_PDF_DAMAGED: {
    'zh-CN': '材料“{name}”无法打开：文件已损坏或不是 PDF。申报组织的其他内容仍可查看和评分。',
    en: 'The material “{name}” cannot be opened: the file is damaged or not a PDF. The rest of the applicant stays usable.',
  },
  E_PDF_PASSWORD: {
    'zh-CN': '材料“{name}”设有密码，无法在本应用中打开。请联系质量奖办公室提供未加密的文件。',
    en: 'The material “{name}” is password-protected and cannot be opened here. Ask the award office for an unprotected file.',
  },
  E_MATERIAL_MISSING: {
    'zh-CN': '本机没有材料“{name}”的文件（SHA-256 {sha256}）。请重新导入评审任务包。',
    en: 'This computer does not hold the material “{name}” (SHA-256 {sha256}). Import the assignment package again.',
  },
  E_EVIDENCE_TOO_LARGE: {
    'zh-CN': '证据文件“{name}”有 {size} 字节，超过本届评审的上限 {limit} 字节，未复制。',
    en: 'The evidence file “{name}” has {size} bytes, over this cycle’s limit of {limit} bytes; it was not copied.',
  },
  E_EVIDENCE_MISSING: {
    'zh-CN': '本机找不到证据文件（SHA-256 {sha256}），可能已被删除或改动。请重新添加该证据。',
    en: 'The evidence file (SHA-256 {sha256}) is missing on this computer or was changed. Add the evidence again.',
  },
  E_STAGE_WORK: {
    'zh-CN': '本阶段的记录尚不完整：{detail}',
    en: 'This stage’s record is not complete yet: {detailEn}',
  },
} as const satisfies Readonly<Record<string, Bilingual>>;
