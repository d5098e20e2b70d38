/** The office's inbox screens: zh-CN first, English complete (the Record type makes a missing key an error). */
export const officeInboxZh = {
  'officeInbox.title': '收件箱',
} as const;

export const officeInboxEn: Readonly<Record<keyof typeof officeInboxZh, string>> = {
  'officeInbox.title': 'Inbox',
};
