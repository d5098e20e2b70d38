/** The office's applicants screens: zh-CN first, English complete (the Record type makes a missing key an error). */
export const officeApplicantsZh = {
  'officeApplicants.title': '申报组织',
} as const;

export const officeApplicantsEn: Readonly<Record<keyof typeof officeApplicantsZh, string>> = {
  'officeApplicants.title': 'Applicants',
};
