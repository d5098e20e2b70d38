import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoApplicant, expect, openApplicant, openDemo, pickPercent, test, waitSaved } from './support/fixtures';
import { launchKillable } from './support/killable-browser';

test('killing the browser while editing keeps every acknowledged edit', async ({ host }) => {
  const profile = mkdtempSync(join(tmpdir(), 'scorebook-profile-'));
  try {
    const first = await launchKillable(profile);
    const context = first.browser.contexts()[0] ?? (await first.browser.newContext());
    const page = await context.newPage();
    await openDemo(page, host.url);
    await openApplicant(page, demoApplicant);
    await pickPercent(page, 65);
    await page.getByRole('button', { name: '+ 添加优势' }).click();
    const strength = page.getByRole('textbox', { name: '优势 1', exact: true });
    let acknowledged = '';
    for (const round of [1, 2, 3]) {
      acknowledged = `第 ${round} 版：高层领导每季度开展战略研讨`;
      await strength.fill(acknowledged);
      await waitSaved(page);
    }
    // One more keystroke burst, then the plug is pulled before its debounce can fire.
    await strength.fill(`${acknowledged}，未确认的修改`);
    await first.kill();

    const second = await launchKillable(profile);
    const context2 = second.browser.contexts()[0] ?? (await second.browser.newContext());
    const page2 = await context2.newPage();
    // The host kept running, so the keys are still unlocked: the app opens on the assignments.
    await page2.goto(host.url);
    await page2.getByRole('link', { name: '进入评审' }).click();
    await openApplicant(page2, demoApplicant);
    await expect(page2.getByRole('radio', { name: /^65%（/ })).toBeChecked();
    const value = await page2.getByRole('textbox', { name: '优势 1', exact: true }).inputValue();
    // The acknowledged version must be there; the unacknowledged burst may or may not have made it.
    expect([acknowledged, `${acknowledged}，未确认的修改`]).toContain(value);
    await second.kill();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
