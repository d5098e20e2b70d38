/** The office's panels screens: zh-CN first, English complete (the Record type makes a missing key an error). */
export const officePanelsZh = {
  'officePanels.title': '评审组与任务',
} as const;

export const officePanelsEn: Readonly<Record<keyof typeof officePanelsZh, string>> = {
  'officePanels.title': 'Panels and assignments',
};
