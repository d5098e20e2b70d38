import type { ErrorCode } from './error-codes';
import { officeErrorMessages } from './office-error-messages';
import { stageErrorMessages } from './stage-error-messages';
import type { AppError, ErrorParams } from './result';

export type Lang = 'zh-CN' | 'en';

export interface Bilingual {
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
  E_NOT_AVAILABLE: {
    'zh-CN': '此功能仅在桌面版中提供（{feature}）；浏览器模式下请使用页面上的替代方式。',
    en: 'This is available in the desktop app only ({feature}); in browser mode, use the alternative on the page.',
  },
  E_QUICK_UNLOCK: {
    'zh-CN': '无法通过系统钥匙串快速解锁（{reason}）。请输入口令解锁；口令和密钥文件均不受影响。',
    en: 'Quick unlock through the system keychain did not work ({reason}). Unlock with your passphrase; the passphrase and the key file are not affected.',
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
  E_SHEET_INCOMPLETE: {
    'zh-CN': '评分表尚不能提交：{count} 处问题需先处理（如评分项未评分、缺少评语或证据）。',
    en: 'The score sheet cannot be submitted yet: {count} problems need attention first (unscored items, missing comments or evidence).',
  },
  E_CYCLE_FROZEN: {
    'zh-CN': '已向专家签发任务包，修改以下设置（{fields}）须填写理由；修改后将形成新的设置版本，并需重新签发任务包。',
    en: 'Assignments have been issued: changing these settings ({fields}) needs a reason; the change becomes a new revision and the assignments must be re-issued.',
  },
  E_CONSENSUS_INVALID: {
    'zh-CN': '组长共识记录尚不完整：{count} 处问题（如评分项缺失或重复、与建议得分不同却未说明理由、未指定组长）。',
    en: 'The consensus record is not complete: {count} problems (an item missing or repeated, a change from the seed without a reason, or no team leader named).',
  },
  E_AWARD_LIMIT: {
    'zh-CN': '推荐名单超出名额：{listZh}最多 {limit} 个，现为 {count} 个（《管理办法》第三条）。',
    en: 'The recommendation list is over its limit: {listEn} allows at most {limit}, it has {count} (Measures, Art. 3).',
  },
  E_AWARD_DUPLICATE: {
    'zh-CN': '申报组织“{applicant}”在推荐名单中重复出现，或同时列入质量奖和提名奖。',
    en: 'The applicant “{applicant}” appears twice in the recommendation lists, or in both the Quality Award and the Nomination Award list.',
  },
  E_RECEIPTS_FILE: {
    'zh-CN': '此文件不是办公室的回执文件（{detail}），未作任何更改。',
    en: 'This file is not a receipts file from the office ({detail}); nothing was changed.',
  },
  E_NO_OFFICE_PIN: {
    'zh-CN': '尚未导入办公室签发的任务包，无法核验回执的签名。请先导入任务包。',
    en: 'No assignment from the office has been imported yet, so the receipts’ signatures cannot be checked. Import an assignment first.',
  },
  E_RECEIPT_UNKNOWN: {
    'zh-CN': '回执所对应的评分包（{packageId}）不在本机发件箱中。',
    en: 'The receipt answers a package ({packageId}) that is not in this outbox.',
  },
  E_RECEIPT_MISMATCH: {
    'zh-CN': '回执与本机发出的评分包（{packageId}）内容不符，未标记为已确认。请联系办公室核对。',
    en: 'The receipt does not match the content of the package sent ({packageId}); it was not marked confirmed. Please check with the office.',
  },
  E_SHEET_NOT_FOUND: {
    'zh-CN': '找不到该评分表。',
    en: 'This score sheet was not found.',
  },
  E_TOO_LARGE: {
    'zh-CN': '文件过大（{size} 字节，上限 {limit} 字节），未读取。',
    en: 'The file is too large ({size} bytes, limit {limit} bytes) and was not read.',
  },
  E_SEAL: {
    'zh-CN': '无法解密此评分包：它不是发给本机密钥的，或已损坏。',
    en: 'This package cannot be opened: it was not sealed to this key, or it is damaged.',
  },
  E_CONTAINER: {
    'zh-CN': '评分包文件结构不合规（{detail}），已拒收。',
    en: 'The package file’s structure is not allowed ({detail}); it was refused.',
  },
  E_MALFORMED: {
    'zh-CN': '评分包的签名信封格式不正确（{detail}）。',
    en: 'The package’s signed envelope is malformed ({detail}).',
  },
  E_TYPE: {
    'zh-CN': '不接受此类型的评分包：{payloadType}。',
    en: 'This kind of package is not accepted: {payloadType}.',
  },
  E_KEY_UNKNOWN: {
    'zh-CN': '签名密钥未登记（指纹 {keyId}），无法确认签名者身份。',
    en: 'The signing key is not registered (fingerprint {keyId}); the signer cannot be identified.',
  },
  E_KEY_REVOKED: {
    'zh-CN': '签名密钥已被吊销（指纹 {keyId}），其后签署的评分包一律拒收。',
    en: 'The signing key has been revoked (fingerprint {keyId}); packages signed with it are refused.',
  },
  E_SIG: {
    'zh-CN': '签名验证失败：评分包在签名后被改动，或并非由该密钥签署。',
    en: 'The signature does not verify: the package was changed after signing, or not signed by this key.',
  },
  E_NONCANONICAL: {
    'zh-CN': '评分包内容不是规范格式（{detail}），可能被改写过。',
    en: 'The package content is not in canonical form ({detail}); it may have been rewritten.',
  },
  E_SCHEMA: {
    'zh-CN': '评分包内容不符合格式规定：{detail}',
    en: 'The package content does not match its format: {detail}',
  },
  E_ISSUER_MISMATCH: {
    'zh-CN': '评分包声明的签发人与签名密钥的持有人不一致。',
    en: 'The issuer named in the package does not own the key that signed it.',
  },
  E_CYCLE: {
    'zh-CN': '评分包所属的评审周期不存在或未开放：{cycleId}。',
    en: 'The package’s cycle does not exist or is not open: {cycleId}.',
  },
  E_STAGE_CLOSED: {
    'zh-CN': '该评审阶段已关闭，不再接收评分包：{stage}。',
    en: 'This stage is closed and no longer accepts packages: {stage}.',
  },
  E_NOT_ASSIGNED: {
    'zh-CN': '该专家未被分配评审此申报组织。',
    en: 'This expert is not assigned to this applicant.',
  },
  E_RECUSED: {
    'zh-CN': '该专家已声明回避此申报组织，其评分不予计入。',
    en: 'This expert has recused from this applicant; the score is not counted.',
  },
  E_ID_REUSE: {
    'zh-CN': '评分包编号已被另一份内容使用，拒收。',
    en: 'This package id was already used for different content; refused.',
  },
  E_ROLLBACK: {
    'zh-CN': '版本号 {seq} 不高于已接收的版本 {lastSeq}，可能是旧版本重放，拒收。',
    en: 'Version {seq} is not newer than the accepted version {lastSeq}; possibly a replay, refused.',
  },
  E_FORK: {
    'zh-CN': '同一版本号 {seq} 出现了不同内容，已标记待核查。',
    en: 'Version {seq} exists with different content; flagged for review.',
  },
  E_GAP: {
    'zh-CN': '版本号 {seq} 之前还缺少版本（已接收到 {lastSeq}），暂存待补齐。',
    en: 'Versions are missing before {seq} (accepted up to {lastSeq}); held until the gap is filled.',
  },
  E_ATTACHMENT: {
    'zh-CN': '附件“{name}”缺失，或与签名记录的哈希值或大小不符。',
    en: 'The attachment “{name}” is missing or does not match its signed hash or size.',
  },
  E_TOTALS: {
    'zh-CN': '评分包中的合计分与按评分项重新计算的结果不一致。',
    en: 'The totals in the package differ from those recomputed from its items.',
  },
  E_NO_PROFILE: {
    'zh-CN': '尚未建立评审专家档案和密钥。',
    en: 'No expert profile and keys have been set up yet.',
  },
  E_PROFILE_EXISTS: {
    'zh-CN': '本机已有评审专家档案和密钥，不会覆盖。',
    en: 'An expert profile and keys already exist on this computer; they are not overwritten.',
  },
  E_PASSPHRASE_WEAK: {
    'zh-CN': '口令太短：至少需要 {min} 个字符。',
    en: 'The passphrase is too short: at least {min} characters are needed.',
  },
  E_PASSPHRASE_WRONG: {
    'zh-CN': '口令不正确。',
    en: 'Wrong passphrase.',
  },
  E_THROTTLED: {
    'zh-CN': '尝试次数过多，请在 {seconds} 秒后再试。',
    en: 'Too many attempts; try again in {seconds} seconds.',
  },
  E_KEY_FILE_CORRUPT: {
    'zh-CN': '密钥文件已损坏，无法读取（{file}）。该文件不会被覆盖，请联系办公室技术支持或从备份恢复。',
    en: 'The key file is damaged and cannot be read ({file}). It will not be overwritten; contact the office’s technical support or restore it from a backup.',
  },
  E_LOCKED: {
    'zh-CN': '应用已锁定，请输入口令解锁。',
    en: 'The app is locked; enter your passphrase to unlock it.',
  },
  E_OFFICE_KEY_CHANGED: {
    'zh-CN':
      '此任务包由另一把办公室密钥签名（指纹 {fingerprint}），与首次导入时固定的密钥（指纹 {pinned}）不同。请与办公室核对指纹，只有在办公室确认后才重新固定。',
    en: 'This assignment is signed by a different office key (fingerprint {fingerprint}) than the one pinned at first import (fingerprint {pinned}). Compare the fingerprint with the office and re-pin only if they confirm.',
  },
  E_WRONG_EXPERT: {
    'zh-CN': '此任务包是发给另一位评审专家的，不能导入。',
    en: 'This assignment is for another expert and cannot be imported.',
  },
  E_DEMO_KEY: {
    'zh-CN': '示例办公室密钥只签署内置示例评审周期，示例周期也只接受该密钥签署；此任务包不予导入。',
    en: 'The demo office key signs only the demo cycle, and a demo cycle only with that key; this assignment is refused.',
  },
  ...officeErrorMessages,
  ...stageErrorMessages,
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
