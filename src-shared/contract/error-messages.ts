import type { ErrorCode } from './error-codes';
import type { AppError, ErrorParams } from './result';

export type Lang = 'zh-CN' | 'en';

interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/**
 * A plain-language message per code in both languages. `{name}` is replaced by the error's
 * params. The `Record<ErrorCode, …>` type makes a missing code a compile error.
 */
export const errorMessages: Readonly<Record<ErrorCode, Bilingual>> = {
  E_UNKNOWN_CHANNEL: {
    'zh-CN': '应用内部请求的功能“{channel}”不存在，请更新应用。',
    en: 'The requested function “{channel}” does not exist. Please update the app.',
  },
  E_BAD_REQUEST: {
    'zh-CN': '请求内容不符合要求：{detail}',
    en: 'The request is not valid: {detail}',
  },
  E_BAD_RESPONSE: {
    'zh-CN': '应用后台返回了无法识别的结果（{channel}），数据未被更改。',
    en: 'The app back end returned an unexpected result ({channel}); no data was changed.',
  },
  E_INTERNAL: {
    'zh-CN': '应用内部出错（{detail}），已保存的数据不受影响。',
    en: 'An internal error occurred ({detail}). Saved data is not affected.',
  },
  E_TRANSPORT: {
    'zh-CN': '无法连接应用后台：{detail}。若使用浏览器模式，请确认 npm start 仍在运行。',
    en: 'Cannot reach the app back end: {detail}. In browser mode, check that npm start is still running.',
  },
  E_TOKEN: {
    'zh-CN':
      '此页面的访问令牌已失效（应用可能已重新启动）。请打开运行 npm start 的终端中打印的最新地址（也记录在数据目录的 host.json 中）。',
    en: 'This page’s access token is no longer valid (the app may have restarted). Open the latest address printed in the terminal running npm start (also kept in host.json in the data folder).',
  },
  E_ORIGIN: {
    'zh-CN': '请求来源不被信任，已拒绝。',
    en: 'The request came from an untrusted origin and was refused.',
  },
  E_FRAME: {
    'zh-CN': '请求来自不受信任的页面，已拒绝。',
    en: 'The request came from an untrusted page and was refused.',
  },
  E_CRITERIA_NOT_FOUND: {
    'zh-CN': '找不到评价准则文件“{id}”。',
    en: 'The criteria file “{id}” was not found.',
  },
  E_CRITERIA_INVALID: {
    'zh-CN': '评价准则文件“{file}”无效：{problem}',
    en: 'The criteria file “{file}” is invalid: {problemEn}',
  },
  E_DEMO_INVALID: {
    'zh-CN': '内置示例数据无效：{detail}',
    en: 'The embedded demo data is invalid: {detail}',
  },
  E_RESOURCE_READ: {
    'zh-CN': '无法读取应用资源文件“{file}”。',
    en: 'Cannot read the app resource file “{file}”.',
  },
  E_PERCENT_STEP: {
    'zh-CN': '得分率 {percent}% 无效：必须是 5 的倍数。',
    en: 'The percentage {percent}% is not valid: it must be a multiple of 5.',
  },
  E_PERCENT_RANGE: {
    'zh-CN': '得分率 {percent}% 超出范围：必须在 0% 到 100% 之间。',
    en: 'The percentage {percent}% is out of range: it must be between 0% and 100%.',
  },
  E_ITEM_UNKNOWN: {
    'zh-CN': '评分项“{item}”不在当前评价准则中。',
    en: 'The item “{item}” is not part of the current criteria.',
  },
  E_STORAGE_QUOTA: {
    'zh-CN': '本机存储空间已满，刚才的修改未能保存（仍显示在屏幕上）。请释放磁盘空间后重试。',
    en: 'Local storage is full; your last change was not saved (it is still on screen). Free some disk space and try again.',
  },
  E_STORAGE_WRITE: {
    'zh-CN': '保存失败：{detail}。刚才的修改仍显示在屏幕上，请重试。',
    en: 'Saving failed: {detail}. Your change is still on screen; please try again.',
  },
  E_ROW_INVALID: {
    'zh-CN': '本地数据中有 {count} 条记录格式不正确，已隔离保存（未删除），请联系办公室技术支持。',
    en: '{count} local records do not match their format; they were quarantined (not deleted). Please contact the office’s technical support.',
  },
  E_SHEET_NOT_FOUND: {
    'zh-CN': '找不到该评分表。',
    en: 'This score sheet was not found.',
  },
};

/** Fills `{name}` placeholders; unknown placeholders stay visible rather than vanish. */
export function formatTemplate(template: string, params: ErrorParams | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params?.[name];
    return value === undefined ? whole : String(value);
  });
}

/** The user-facing message of an error in the given language. */
export function errorText(error: Pick<AppError, 'code' | 'params'>, lang: Lang): string {
  return formatTemplate(errorMessages[error.code][lang], error.params);
}
