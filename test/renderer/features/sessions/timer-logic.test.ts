import { describe, expect, it } from 'vitest';
import { segmentClocks, type TimerEvent } from '../../../../src-shared/stages/stage-rules';
import { defaultStageSetup } from '../../../../src-shared/stages/stage-setup';
import {
  currentSegmentId,
  formatDuration,
  formatRemaining,
  segmentUses,
  timerEvent,
} from '../../../../src-renderer/features/sessions/timer-logic';

const segments = defaultStageSetup.defenseSegments;
const t0 = Date.parse('2026-05-12T09:00:00Z');
const minute = 60_000;

describe('time texts', () => {
  it('formats mm:ss with minutes past 59', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(59)).toBe('00:59');
    expect(formatDuration(61)).toBe('01:01');
    expect(formatDuration(90 * 60)).toBe('90:00');
  });

  it('shows an overrun as +mm:ss', () => {
    expect(formatRemaining(300)).toBe('05:00');
    expect(formatRemaining(0)).toBe('00:00');
    expect(formatRemaining(-83)).toBe('+01:23');
  });
});

describe('timer commands', () => {
  const at = (events: TimerEvent[], now: number) => segmentClocks(segments, events, now);

  it('acts on the first segment before anything ran, then on the segment of the latest event', () => {
    expect(currentSegmentId(segments, [])).toBe('presentation');
    expect(currentSegmentId(segments, [{ type: 'start', segmentId: 'questions', at: t0 }])).toBe('questions');
    expect(currentSegmentId(segments, [{ type: 'start', segmentId: 'removed', at: t0 }])).toBe('presentation');
  });

  it('starts only while nothing runs and pauses only while running', () => {
    const start = timerEvent('start', segments, at([], t0), [], t0);
    expect(start).toEqual({ type: 'start', segmentId: 'presentation', at: t0 });
    const running = [start].filter((e) => e !== null);
    expect(timerEvent('start', segments, at(running, t0 + minute), running, t0 + minute)).toBeNull();
    expect(timerEvent('pause', segments, at(running, t0 + minute), running, t0 + minute)).toEqual({
      type: 'pause',
      segmentId: 'presentation',
      at: t0 + minute,
    });
    expect(timerEvent('pause', segments, at([], t0), [], t0)).toBeNull();
  });

  it('moves to the next segment (pausing the one running) and not past the last', () => {
    const events: TimerEvent[] = [{ type: 'start', segmentId: 'presentation', at: t0 }];
    const next = timerEvent('next', segments, at(events, t0 + 10 * minute), events, t0 + 10 * minute);
    expect(next).toEqual({ type: 'start', segmentId: 'questions', at: t0 + 10 * minute });
    const after = [...events, ...(next === null ? [] : [next])];
    expect(timerEvent('next', segments, at(after, t0 + 11 * minute), after, t0 + 11 * minute)).toBeNull();
    const clocks = at(after, t0 + 11 * minute);
    expect(clocks.map((c) => [c.id, c.usedSeconds, c.running])).toEqual([
      ['presentation', 600, false],
      ['questions', 60, true],
    ]);
  });

  it('continues from the stored events: a reload 16 minutes in shows the presentation one minute over', () => {
    const events: TimerEvent[] = [{ type: 'start', segmentId: 'presentation', at: t0 }];
    const [presentation] = segmentClocks(segments, events, t0 + 16 * minute);
    expect(presentation?.overrun).toBe(true);
    expect(formatRemaining(presentation?.remainingSeconds ?? 0)).toBe('+01:00');
  });

  it('records the segments as run for the signed defense work', () => {
    const events: TimerEvent[] = [
      { type: 'start', segmentId: 'presentation', at: t0 },
      { type: 'pause', segmentId: 'presentation', at: t0 + 14 * minute },
    ];
    expect(segmentUses(segments, at(events, t0 + 20 * minute))).toEqual([
      { id: 'presentation', plannedMinutes: 15, usedSeconds: 840 },
      { id: 'questions', plannedMinutes: 15, usedSeconds: 0 },
    ]);
  });
});
