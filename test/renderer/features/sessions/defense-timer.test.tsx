import { describe, expect, it } from 'vitest';
import type { TimerEvent } from '../../../../src-shared/stages/stage-rules';
import { defaultStageSetup } from '../../../../src-shared/stages/stage-setup';
import { DefenseTimer } from '../../../../src-renderer/features/sessions/defense-timer';
import { renderStatic, type TestLang } from '../../support/static-render';

const t0 = Date.parse('2026-05-12T09:00:00Z');
const minute = 60_000;
const started: TimerEvent[] = [{ type: 'start', segmentId: 'presentation', at: t0 }];

function render(events: readonly TimerEvent[], now: number, lang: TestLang = 'zh-CN'): string {
  return renderStatic(
    <DefenseTimer
      segments={defaultStageSetup.defenseSegments}
      events={events}
      now={now}
      readClock={() => now}
      onEvent={() => undefined}
    />,
    { lang },
  );
}

const row = (html: string, segment: string): string => {
  const match = new RegExp(`<tr[^>]*data-segment="${segment}"[^>]*>(.*?)</tr>`).exec(html);
  return match?.[1] ?? '';
};
const announce = (html: string): string => /data-testid="timer-announce">(.*?)<\/p>/.exec(html)?.[1] ?? 'absent';

describe('DefenseTimer', () => {
  it('before the start shows each segment planned in full, start on and pause off, nothing announced', () => {
    const html = render([], t0);
    expect(row(html, 'presentation')).toContain('<td>15:00</td><td>00:00</td><td>15:00</td>');
    expect(html).toMatch(/<button type="button" class="primary">开始计时<\/button>/);
    expect(html).toMatch(/<button type="button" disabled="">暂停计时<\/button>/);
    expect(html).toContain('已暂停');
    expect(announce(html)).toBe('');
  });

  it('while running shows elapsed and remaining, with start off and the segment current', () => {
    const html = render(started, t0 + 5 * minute + 30_000);
    expect(row(html, 'presentation')).toContain('<td>05:30</td><td>09:30</td>');
    expect(html).toMatch(/<tr aria-current="step"[^>]*data-segment="presentation"/);
    expect(html).toMatch(/<button type="button" class="primary" disabled="">开始计时<\/button>/);
    expect(html).toContain('计时中');
  });

  it('shows an overrun in red as +mm:ss and announces it once, by segment name (not by the ticking time)', () => {
    const html = render(started, t0 + 16 * minute + 5_000);
    expect(row(html, 'presentation')).toContain('<td class="timer-overrun">+01:05');
    expect(html).toContain('class="timer-now overrun"');
    expect(announce(html)).toBe('已超时：陈述');
    // A second later the announcement reads the same, so a screen reader is not told again.
    expect(announce(render(started, t0 + 16 * minute + 6_000))).toBe(announce(html));
    expect(html).toContain('aria-live="polite"');
  });

  it('turns off "next segment" at the last one, and speaks English', () => {
    const events: TimerEvent[] = [...started, { type: 'start', segmentId: 'questions', at: t0 + 15 * minute }];
    const html = render(events, t0 + 31 * minute, 'en');
    expect(html).toMatch(/<button type="button" disabled="">Next segment<\/button>/);
    expect(row(html, 'questions')).toContain('+01:00');
    expect(announce(html)).toBe('Overrun: Questions');
  });
});
