import type { Bilingual } from './error-messages';

/**
 * The messages of the office's codes (applicants, tables, experts, panels, signed records), kept apart so each file
 * stays readable; error-messages.ts spreads them into the one table whose Record<ErrorCode, …> type makes a
 * missing code a compile error.
 */
export const officeErrorMessages = {
  E_USCC_LENGTH: {
    'zh-CN': '统一社会信用代码应为 18 位，“{value}”为 {length} 位。',
    en: 'A unified social credit code has 18 characters; “{value}” has {length}.',
  },
  E_USCC_CHARSET: {
    'zh-CN':
      '统一社会信用代码“{value}”含有不允许的字符：只能使用数字和除 I、O、Z、S、V 以外的大写字母（GB 32100-2015）。',
    en: 'The unified social credit code “{value}” has a character that is not allowed: only digits and capital letters other than I, O, Z, S, V (GB 32100-2015).',
  },
  E_USCC_ORG_CODE: {
    'zh-CN':
      '统一社会信用代码“{value}”中的组织机构代码校验位不正确：第 17 位应为 {expected}（GB 11714-1997）。请核对营业执照。',
    en: 'The organisation-code check character in the unified social credit code “{value}” is wrong: character 17 should be {expected} (GB 11714-1997). Check the business licence.',
  },
  E_USCC_CHECK: {
    'zh-CN': '统一社会信用代码“{value}”的校验位不正确：第 18 位应为 {expected}（GB 32100-2015）。请核对营业执照。',
    en: 'The check character of the unified social credit code “{value}” is wrong: character 18 should be {expected} (GB 32100-2015). Check the business licence.',
  },
  E_APPLICANT_REQUIRED: {
    'zh-CN': '“{field}”不能为空。',
    en: '“{fieldEn}” is required.',
  },
  E_APPLICANT_DATE: {
    'zh-CN': '“{field}”中的“{value}”不是有效日期，应写作 YYYY-MM-DD（如 2019-01-31）。',
    en: '“{value}” in “{fieldEn}” is not a valid date; write it as YYYY-MM-DD (e.g. 2019-01-31).',
  },
  E_APPLICANT_FUTURE: {
    'zh-CN': '“{field}”{value} 晚于今天（{today}）。',
    en: '“{fieldEn}” {value} is after today ({today}).',
  },
  E_APPLICANT_DATE_ORDER: {
    'zh-CN': '“{field}”中的日期 {later} 早于 {earlier}，先后顺序不对。',
    en: 'In “{fieldEn}”, the date {later} is before {earlier}; the order is wrong.',
  },
  E_APPLICANT_CHOICE: {
    'zh-CN': '“{field}”的值“{value}”不是可选值。可选：{allowed}。',
    en: '“{value}” is not an allowed value of “{fieldEn}”. Allowed: {allowedEn}.',
  },
  E_APPLICANT_FORMAT: {
    'zh-CN': '“{field}”的写法无法识别：“{value}”。示例：{example}',
    en: 'The entry “{value}” in “{fieldEn}” cannot be read. Example: {example}',
  },
  E_APPLICANT_FIELD: {
    'zh-CN': '“{field}”的值不符合要求（{detail}）。',
    en: 'The value of “{fieldEn}” is not valid ({detail}).',
  },
  E_APPLICANT_DUPLICATE: {
    'zh-CN': '统一社会信用代码 {uscc} 在文件中出现多次（第 {lines} 行），这些行均未导入，请核对后保留一行。',
    en: 'The unified social credit code {uscc} appears more than once in the file (lines {lines}); none of these lines was imported. Keep one after checking.',
  },
  E_APPLICANT_EXISTS: {
    'zh-CN': '统一社会信用代码为 {uscc} 的申报组织已经登记，未重复登记。',
    en: 'An applicant with the unified social credit code {uscc} is already registered; it was not registered twice.',
  },
  E_APPLICANT_IN_PANEL: {
    'zh-CN': '该申报组织在评审组“{panel}”中，不能删除。请先将其移出评审组。',
    en: 'This applicant is in the panel “{panel}” and cannot be deleted. Take it out of the panel first.',
  },
  E_TABLE_EMPTY: {
    'zh-CN': '文件是空的：没有表头行。',
    en: 'The file is empty: there is no header row.',
  },
  E_TABLE_HEADER_MISSING: {
    'zh-CN': '表头缺少“{field}”列，未导入任何行。',
    en: 'The header has no “{fieldEn}” column; no line was imported.',
  },
  E_TABLE_HEADER_UNKNOWN: {
    'zh-CN': '表头第 {column} 列“{value}”不是可识别的列名，未导入任何行。',
    en: 'Column {column} of the header, “{value}”, is not a known column name; no line was imported.',
  },
  E_TABLE_HEADER_DUPLICATE: {
    'zh-CN': '表头中“{field}”列出现了多次，未导入任何行。',
    en: 'The header has the “{fieldEn}” column more than once; no line was imported.',
  },
  E_TABLE_COLUMNS: {
    'zh-CN': '此行有 {actual} 列，表头有 {expected} 列；此行未导入。',
    en: 'This line has {actual} columns and the header has {expected}; the line was not imported.',
  },
  E_CSV_UNTERMINATED: {
    'zh-CN': '从第 {line} 行开始的引号直到文件末尾都没有闭合；此行未导入，其后的行照常读取。',
    en: 'The quote opened on line {line} is never closed; this line was not imported, the lines after it were read as usual.',
  },
  E_CSV_QUOTE: {
    'zh-CN': '第 {line} 行：引号括起的内容之后紧跟其他字符（字段中的引号须写作两个引号 ""）；此行未导入。',
    en: 'Line {line}: characters follow a closing quote (a quote inside a field is written as two quotes ""); the line was not imported.',
  },
  E_XLSX_READ: {
    'zh-CN': '无法读取此 Excel 文件（{detail}）。请确认是 .xlsx 格式；旧的 .xls 请先另存为 .xlsx。',
    en: 'This Excel file cannot be read ({detail}). Make sure it is an .xlsx file; save an old .xls file as .xlsx first.',
  },
  E_XLSX_CELL: {
    'zh-CN': '单元格 {cell} 是一个超过 15 位的数字，Excel 已丢失其末几位。请将该列设为“文本”格式后重新输入。',
    en: 'Cell {cell} holds a number longer than 15 digits, whose last digits Excel has lost. Format the column as Text and enter it again.',
  },
  E_NOT_OFFICE: {
    'zh-CN': '此功能仅供评审办公室工作站使用；本机是专家的工作站。',
    en: 'This is for the award office workstation only; this computer is an expert’s.',
  },
  E_EXPERT_DUPLICATE: {
    'zh-CN': '专家“{name}”已登记（同一签名密钥，指纹 {fingerprint}）；未重复登记。',
    en: 'The expert “{name}” is already registered (same signing key, fingerprint {fingerprint}); not registered twice.',
  },
  E_EXPERT_UNKNOWN: {
    'zh-CN': '登记册中没有此专家（{expertId}）。请先导入其登记包。',
    en: 'This expert ({expertId}) is not in the register. Import their enrollment package first.',
  },
  E_EXPERT_UNCONFIRMED: {
    'zh-CN': '专家“{name}”的密钥指纹尚未经人工核对确认，暂不能分配任务。',
    en: 'The fingerprint of the expert “{name}” has not been confirmed by a person yet; they cannot be assigned.',
  },
  E_FINGERPRINT_MISMATCH: {
    'zh-CN': '输入的指纹与专家登记包中的指纹不一致，未确认。请与专家本人再次核对。',
    en: 'The fingerprint entered does not match the one in the expert’s enrollment package; not confirmed. Check it with the expert again.',
  },
  E_CONFLICT: {
    'zh-CN': '专家“{expert}”与申报组织“{applicant}”存在利益冲突（{reason}），不能分配。',
    en: 'The expert “{expert}” has a conflict of interest with the applicant “{applicant}” ({reasonEn}) and cannot be assigned.',
  },
  E_PANEL_INVALID: {
    'zh-CN': '评审组设置不完整：{detail}',
    en: 'The panel is not complete: {detailEn}',
  },
  E_REASON_REQUIRED: {
    'zh-CN': '修改已签名的记录须说明理由（第 {version} 版起）；未保存。',
    en: 'Changing a signed record needs a reason (from version {version} on); nothing was saved.',
  },
  E_VERSION_STALE: {
    'zh-CN': '此记录已被另一窗口更新为第 {current} 版，本次签名的第 {given} 版未保存。请重新加载后再签名。',
    en: 'This record was updated to version {current} in another window; the version {given} just signed was not saved. Reload and sign again.',
  },
} as const satisfies Readonly<Record<string, Bilingual>>;
