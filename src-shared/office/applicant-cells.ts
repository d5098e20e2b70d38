import type { ErrorCode } from '../contract/error-codes';
import type { ErrorParams } from '../contract/result';
import {
  APPLICANT_COLUMNS,
  CERTIFICATION_LABELS,
  EXPORT_RECORD_LABELS,
  INCIDENT_LABELS,
  allowedChoices,
  findChoice,
  type ChoiceLabel,
} from './applicant-columns';
import { isIsoDate } from './applicant-dates';
import type { Certification, ExportRecord, Incident, Material } from './applicant-schema';

/**
 * The syntax of the multi-valued cells of the applicant table (CSV and XLSX alike).
 *
 * - A cell lists items separated by ";" (a full-width "；" is read too). Spaces around items are ignored; an empty
 *   cell is an empty list.
 * - Free text inside an item (a label, a note, a file name) writes the characters  \ ; ； : ： ( ) （ ） | ~ ～  with a
 *   backslash before them, e.g. "自主方法(A\;B法):2021-03-01~". Export does this; people rarely need it.
 * - Certification:   KIND[(label)]:FROM~[TO]        ISO9001:2019-01-01~2025-12-31 · 卓越绩效:2023-06-01~
 *                    KIND is ISO9001 (or GB/T19001), 其他体系, 卓越绩效, 自主方法; an empty TO means still valid.
 * - Incident:        KIND[(note)]:DATE[ 信用修复:DATE] 严重违法违规(罚款):2024-03-01 信用修复:2024-09-01
 *                    KIND is 重大质量事故, 重大安全事故, 重大环境污染事故, 重大投诉, 严重违法违规.
 * - Export record:   KIND[(note)]:DATE              退运:2024-02-01 · 销毁 · 官方通报
 * - Material:        FILE|SHA256|BYTES[|商业秘密]    申报书.pdf|e3b0…b855|204800|商业秘密
 * English kind names (e.g. "excellence model", "serious-violation") and "repaired:" are read as well.
 */

/** A problem in one cell, before the row layer adds line, column and field. */
export interface CellIssue {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
}

export type CellParse<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: CellIssue[] };

const SPECIAL = '\\;；:：()（）|~～';

/** Escapes the characters of the cell syntax in free text. */
export function escapeCellText(text: string): string {
  let out = '';
  for (const char of text) out += SPECIAL.includes(char) ? `\\${char}` : char;
  return out;
}

function unescapeCellText(text: string): string {
  return text.replace(/\\(.)/gsu, '$1');
}

/** Splits at unescaped separator characters; escapes stay in the parts (they are undone at the leaves). */
function splitUnescaped(text: string, separators: string, limit = Infinity): string[] {
  const parts: string[] = [];
  let current = '';
  const chars = Array.from(text);
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i] ?? '';
    if (char === '\\' && i + 1 < chars.length) {
      current += char + (chars[i + 1] ?? '');
      i += 1;
    } else if (separators.includes(char) && parts.length < limit - 1) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

/** The items of a cell, trimmed, empty ones dropped (a trailing ";" is harmless). */
function items(cell: string): string[] {
  return splitUnescaped(cell, ';；')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

interface Head {
  readonly kind: string;
  readonly label: string | null;
}

/** "KIND(label)" → kind and label; the label's parentheses must close at the end. */
function parseHead(head: string): Head | undefined {
  const [kind = '', rest] = splitUnescaped(head, '(（', 2);
  if (rest === undefined) return { kind: unescapeCellText(kind).trim(), label: null };
  const [inside = '', after, ...more] = splitUnescaped(rest, ')）');
  if (after === undefined || after.trim() !== '' || more.length > 0) return undefined;
  const label = unescapeCellText(inside).trim();
  return { kind: unescapeCellText(kind).trim(), label: label === '' ? null : label };
}

function formatError(value: string, example: string): CellIssue {
  return { code: 'E_APPLICANT_FORMAT', params: { value, example } };
}

function dateError(value: string): CellIssue {
  return { code: 'E_APPLICANT_DATE', params: { value } };
}

function choiceError(value: string, labels: Readonly<Record<string, ChoiceLabel>>): CellIssue {
  return { code: 'E_APPLICANT_CHOICE', params: { value, ...allowedChoices(labels) } };
}

/** Parses every item with `one`, collecting all issues. */
function parseList<T>(cell: string, one: (item: string) => CellParse<T>): CellParse<T[]> {
  const values: T[] = [];
  const issues: CellIssue[] = [];
  for (const item of items(cell)) {
    const parsed = one(item);
    if (parsed.ok) values.push(parsed.value);
    else issues.push(...parsed.issues);
  }
  return issues.length === 0 ? { ok: true, value: values } : { ok: false, issues };
}

/** "HEAD:REST" with a known kind; shared by certifications, incidents and export records. */
function parseKinded<K extends string>(
  item: string,
  labels: Readonly<Record<K, ChoiceLabel>>,
  example: string,
): CellParse<{ kind: K; label: string | null; rest: string }> {
  const [headText, rest] = splitUnescaped(item, ':：', 2);
  const head = headText === undefined ? undefined : parseHead(headText);
  if (head === undefined || rest === undefined) return { ok: false, issues: [formatError(item, example)] };
  const kind = findChoice(labels, head.kind);
  if (kind === undefined) return { ok: false, issues: [choiceError(head.kind, labels)] };
  return { ok: true, value: { kind, label: head.label, rest: unescapeCellText(rest).trim() } };
}

function withLabel(kind: string, label: string | null): string {
  return label === null ? kind : `${kind}(${escapeCellText(label)})`;
}

const CERT_EXAMPLE = APPLICANT_COLUMNS.certifications.example;

export function parseCertifications(cell: string): CellParse<Certification[]> {
  return parseList(cell, (item) => {
    const head = parseKinded(item, CERTIFICATION_LABELS, CERT_EXAMPLE);
    if (!head.ok) return head;
    const range = /^(\S+)\s*[~～]\s*(\S*)$/.exec(head.value.rest);
    if (range === null) return { ok: false, issues: [formatError(item, CERT_EXAMPLE)] };
    const [from = '', to = ''] = [range[1], range[2]];
    const issues = [from, to].filter((date) => date !== '' && !isIsoDate(date)).map(dateError);
    if (issues.length > 0) return { ok: false, issues };
    return { ok: true, value: { kind: head.value.kind, label: head.value.label, from, to: to === '' ? null : to } };
  });
}

export function formatCertifications(certifications: readonly Certification[]): string {
  return certifications
    .map((cert) => `${withLabel(CERTIFICATION_LABELS[cert.kind]['zh-CN'], cert.label)}:${cert.from}~${cert.to ?? ''}`)
    .join('; ');
}

const INCIDENT_EXAMPLE = APPLICANT_COLUMNS.incidents.example;

export function parseIncidents(cell: string): CellParse<Incident[]> {
  return parseList(cell, (item) => {
    const head = parseKinded(item, INCIDENT_LABELS, INCIDENT_EXAMPLE);
    if (!head.ok) return head;
    const dates = /^(\S+?)(?:\s*[,，]?\s*(?:信用修复|repaired)\s*[:：]\s*(\S+))?$/i.exec(head.value.rest);
    if (dates === null) return { ok: false, issues: [formatError(item, INCIDENT_EXAMPLE)] };
    const [date = '', repaired] = [dates[1], dates[2]];
    const issues = [date, repaired ?? ''].filter((value) => value !== '' && !isIsoDate(value)).map(dateError);
    if (issues.length > 0) return { ok: false, issues };
    const value: Incident = { kind: head.value.kind, date, note: head.value.label, creditRepairedOn: repaired ?? null };
    return { ok: true, value };
  });
}

export function formatIncidents(incidents: readonly Incident[]): string {
  return incidents
    .map((incident) => {
      const head = withLabel(INCIDENT_LABELS[incident.kind]['zh-CN'], incident.note);
      const repaired = incident.creditRepairedOn === null ? '' : ` 信用修复:${incident.creditRepairedOn}`;
      return `${head}:${incident.date}${repaired}`;
    })
    .join('; ');
}

const EXPORT_EXAMPLE = APPLICANT_COLUMNS.exportRecords.example;

export function parseExportRecords(cell: string): CellParse<ExportRecord[]> {
  return parseList(cell, (item) => {
    const head = parseKinded(item, EXPORT_RECORD_LABELS, EXPORT_EXAMPLE);
    if (!head.ok) return head;
    const date = head.value.rest;
    if (date === '' || /\s/.test(date)) return { ok: false, issues: [formatError(item, EXPORT_EXAMPLE)] };
    if (!isIsoDate(date)) return { ok: false, issues: [dateError(date)] };
    return { ok: true, value: { kind: head.value.kind, date, note: head.value.label } };
  });
}

export function formatExportRecords(records: readonly ExportRecord[]): string {
  return records
    .map((record) => `${withLabel(EXPORT_RECORD_LABELS[record.kind]['zh-CN'], record.note)}:${record.date}`)
    .join('; ');
}

const MATERIAL_EXAMPLE = APPLICANT_COLUMNS.materials.example;
const SECRET_WORDS = ['商业秘密', '涉密', 'secret', 'commercial secret', 'commercial-secret'];
const OPEN_WORDS = ['', '公开', 'public', '否', 'no'];

export function parseMaterials(cell: string): CellParse<Material[]> {
  return parseList(cell, (item) => {
    const parts = splitUnescaped(item, '|').map((part) => part.trim());
    if (parts.length < 3 || parts.length > 4) return { ok: false, issues: [formatError(item, MATERIAL_EXAMPLE)] };
    const [fileName = '', sha = '', bytes = '', mark = ''] = parts;
    const markKey = mark.toLowerCase();
    const secret = SECRET_WORDS.includes(markKey) ? true : OPEN_WORDS.includes(markKey) ? false : undefined;
    const sha256 = sha.toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256) || !/^\d{1,15}$/.test(bytes) || secret === undefined) {
      return { ok: false, issues: [formatError(item, MATERIAL_EXAMPLE)] };
    }
    const value = { fileName: unescapeCellText(fileName), sha256, size: Number(bytes), commercialSecret: secret };
    return { ok: true, value };
  });
}

export function formatMaterials(materials: readonly Material[]): string {
  return materials
    .map((material) => {
      const parts = [escapeCellText(material.fileName), material.sha256, String(material.size)];
      if (material.commercialSecret) parts.push('商业秘密');
      return parts.join('|');
    })
    .join('; ');
}
