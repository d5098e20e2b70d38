/** The office's experts screens: zh-CN first, English complete (the Record type makes a missing key an error). */
export const officeExpertsZh = {
  'officeExperts.title': '专家登记',
} as const;

export const officeExpertsEn: Readonly<Record<keyof typeof officeExpertsZh, string>> = {
  'officeExperts.title': 'Experts',
};
