import type { DefenseSegment } from '../../../src-shared/stages/stage-setup';
import type { SegmentClock, TimerEvent } from '../../../src-shared/stages/stage-rules';
import type { SegmentUse } from '../../../src-shared/stages/stage-work';

/**
 * The defense timer's commands as events to store (start, pause, next segment) and the time texts it shows. The
 * clock itself is segmentClocks over the stored events, so a reload continues where the session was.
 */

const two = (n: number): string => n.toString().padStart(2, '0');

/** mm:ss of a duration; minutes go past 59 (a 90-minute session reads 90:00). */
export function formatDuration(seconds: number): string {
  const whole = Math.floor(Math.abs(seconds));
  return `${two(Math.floor(whole / 60))}:${two(whole % 60)}`;
}

/** What is left of a segment: "mm:ss", or "+mm:ss" once it has overrun its minutes. */
export function formatRemaining(remainingSeconds: number): string {
  return remainingSeconds < 0 ? `+${formatDuration(-remainingSeconds)}` : formatDuration(remainingSeconds);
}

/** The segment the commands act on: the one of the latest event, or the first before anything started. */
export function currentSegmentId(
  segments: readonly DefenseSegment[],
  events: readonly TimerEvent[],
): string | undefined {
  const latest = [...events].sort((a, b) => a.at - b.at).at(-1);
  if (latest !== undefined && segments.some((segment) => segment.id === latest.segmentId)) return latest.segmentId;
  return segments[0]?.id;
}

export type TimerCommand = 'start' | 'pause' | 'next';

/**
 * The event a command adds at `now`, or null when it does not apply: start only while nothing runs, pause only while
 * the current segment runs, next only when there is a later segment (starting it pauses the one running).
 */
export function timerEvent(
  command: TimerCommand,
  segments: readonly DefenseSegment[],
  clocks: readonly SegmentClock[],
  events: readonly TimerEvent[],
  now: number,
): TimerEvent | null {
  const current = currentSegmentId(segments, events);
  if (current === undefined) return null;
  const running = clocks.some((clock) => clock.running);
  switch (command) {
    case 'start':
      return running ? null : { type: 'start', segmentId: current, at: now };
    case 'pause':
      return running ? { type: 'pause', segmentId: current, at: now } : null;
    case 'next': {
      const index = segments.findIndex((segment) => segment.id === current);
      const next = segments[index + 1];
      return next === undefined ? null : { type: 'start', segmentId: next.id, at: now };
    }
  }
}

/** The segments as run, for the signed defense work: planned minutes and seconds used so far. */
export function segmentUses(segments: readonly DefenseSegment[], clocks: readonly SegmentClock[]): SegmentUse[] {
  return segments.map((segment) => ({
    id: segment.id,
    plannedMinutes: segment.minutes,
    usedSeconds: Math.min(86_400, clocks.find((clock) => clock.id === segment.id)?.usedSeconds ?? 0),
  }));
}
