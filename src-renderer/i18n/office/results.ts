/** The office's results screens: zh-CN first, English complete (the Record type makes a missing key an error). */
export const officeResultsZh = {
  'officeResults.title': '汇总与结果',
} as const;

export const officeResultsEn: Readonly<Record<keyof typeof officeResultsZh, string>> = {
  'officeResults.title': 'Aggregation and results',
};
