/** The office's demo on its home: zh-CN first, English complete (the Record type makes a missing key an error). */
export const officeDemoZh = {
  'officeDemo.title': '示例评审周期',
  'officeDemo.intro':
    '想先看看办公室的工作流程？示例会新建一个评审周期，登记三家虚构的申报组织和五位虚构的专家，组成材料评审组，签发任务包，并由示例专家签署保密承诺、利害关系声明（其中一位回避）和评分表，经收件箱逐一核验接收。示例专家的密钥只在本次加载中使用，随即销毁。所有数据均为虚构，周期名称标有“示例”。',
  'officeDemo.load': '加载示例评审周期（虚构数据）',
  'officeDemo.progress': '示例加载进度',
  'officeDemo.progressText': '第 {step} / {total} 步：{what}',
  'officeDemo.step.bundle': '读取内置示例',
  'officeDemo.step.cycle': '新建示例评审周期',
  'officeDemo.step.applicants': '登记虚构的申报组织',
  'officeDemo.step.experts': '生成五位虚构专家的密钥，签发任务包，签署评分包并送入收件箱（需要几秒钟）',
  'officeDemo.step.panel': '保存评审组并记录已签发的任务包',
  'officeDemo.panelName': '示例：材料评审第一组（虚构）',
  'officeDemo.done': '示例已加载：收件箱接收 {accepted} 个评分包，拒收 {rejected} 个。',
  'officeDemo.openInbox': '打开示例周期的收件箱',
  'officeDemo.failedAfterCycle': '示例评审周期已建立，但未能全部加载。重试会另建一个示例周期。',
  'officeDemo.openCycle': '打开该评审周期',
  'officeDemo.retry': '重试',
} as const;

export const officeDemoEn: Readonly<Record<keyof typeof officeDemoZh, string>> = {
  'officeDemo.title': 'Demo award cycle',
  'officeDemo.intro':
    'Want to see the office’s work first? The demo creates an award cycle, registers three fictional applicants and five fictional experts, forms a material review panel, issues assignments, and has the demo experts sign their pledges, conflict declarations (one of them recuses) and score sheets, which the inbox verifies and accepts one by one. The demo experts’ keys are used for this load only and then destroyed. All data is fictional, and the cycle’s name is marked “Demo”.',
  'officeDemo.load': 'Load the demo award cycle (fictional data)',
  'officeDemo.progress': 'Demo loading progress',
  'officeDemo.progressText': 'Step {step} of {total}: {what}',
  'officeDemo.step.bundle': 'Reading the built-in demo',
  'officeDemo.step.cycle': 'Creating the demo award cycle',
  'officeDemo.step.applicants': 'Registering the fictional applicants',
  'officeDemo.step.experts':
    'Making the keys of five fictional experts, issuing assignments, signing their packages and taking them into the inbox (a few seconds)',
  'officeDemo.step.panel': 'Saving the panel and counting the issued assignments',
  'officeDemo.panelName': 'Demo: material review panel 1 (fictional)',
  'officeDemo.done': 'The demo is loaded: the inbox accepted {accepted} packages and refused {rejected}.',
  'officeDemo.openInbox': 'Open the demo cycle’s inbox',
  'officeDemo.failedAfterCycle':
    'The demo award cycle was created but not fully loaded. Trying again creates another demo cycle.',
  'officeDemo.openCycle': 'Open that award cycle',
  'officeDemo.retry': 'Try again',
};
