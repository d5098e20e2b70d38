import type { DefenseSegment } from '../../../src-shared/stages/stage-setup';
import { segmentClocks, type SegmentClock, type TimerEvent } from '../../../src-shared/stages/stage-rules';
import { useI18n } from '../../i18n/i18n';
import { currentSegmentId, formatDuration, formatRemaining, timerEvent, type TimerCommand } from './timer-logic';

/**
 * The defense timer over the cycle's segments. It holds no time of its own: the clock is computed from the stored
 * start and pause events at `now` (the page ticks each second), so a reload continues where it was. An overrun shows
 * in red as "+mm:ss" and is announced once per segment (the live region names the overrun segments, not the time).
 */
export function DefenseTimer({
  segments,
  events,
  now,
  readClock,
  onEvent,
}: {
  segments: readonly DefenseSegment[];
  events: readonly TimerEvent[];
  /** The time shown (the page's 1 s tick). */
  now: number;
  /** The time a command is stamped with, read at the click (the tick stands still while paused). */
  readClock: () => number;
  /** The event to store, with the clocks as they stand after it. */
  onEvent: (event: TimerEvent, clocks: SegmentClock[]) => void;
}) {
  const { t, pick } = useI18n();
  const clocks = segmentClocks(segments, events, now);
  const current = currentSegmentId(segments, events);
  const running = clocks.some((clock) => clock.running);
  const run = (command: TimerCommand): void => {
    const at = Math.max(readClock(), events.at(-1)?.at ?? 0);
    const event = timerEvent(command, segments, segmentClocks(segments, events, at), events, at);
    if (event !== null) onEvent(event, segmentClocks(segments, [...events, event], at));
  };
  const nameOf = (id: string): string => {
    const segment = segments.find((s) => s.id === id);
    return segment === undefined ? id : pick(segment.name);
  };
  const currentClock = clocks.find((clock) => clock.id === current);
  const overrun = clocks.filter((clock) => clock.overrun).map((clock) => nameOf(clock.id));
  const isLast = current === segments.at(-1)?.id;
  return (
    <div className="defense-timer">
      {currentClock !== undefined && (
        <p className={`timer-now${currentClock.overrun ? ' overrun' : ''}`} data-testid="timer-now">
          <span>{nameOf(currentClock.id)}</span>{' '}
          <span className="timer-state">
            {running ? t('stageSessions.timer.running') : t('stageSessions.timer.paused')}
          </span>{' '}
          <strong className="timer-big">{formatRemaining(currentClock.remainingSeconds)}</strong>
        </p>
      )}
      <div className="timer-controls">
        <button type="button" className="primary" disabled={running} onClick={() => run('start')}>
          {t('stageSessions.timer.start')}
        </button>
        <button type="button" disabled={!running} onClick={() => run('pause')}>
          {t('stageSessions.timer.pause')}
        </button>
        <button type="button" disabled={isLast} onClick={() => run('next')}>
          {t('stageSessions.timer.next')}
        </button>
      </div>
      <table className="applicant-table timer-table">
        <caption className="visually-hidden">{t('stageSessions.timer.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stageSessions.timer.segment')}</th>
            <th scope="col">{t('stageSessions.timer.planned')}</th>
            <th scope="col">{t('stageSessions.timer.elapsed')}</th>
            <th scope="col">{t('stageSessions.timer.remaining')}</th>
          </tr>
        </thead>
        <tbody>
          {clocks.map((clock) => (
            <tr
              key={clock.id}
              aria-current={clock.id === current ? 'step' : undefined}
              className={clock.overrun ? 'overrun' : undefined}
              data-segment={clock.id}
            >
              <th scope="row">{nameOf(clock.id)}</th>
              <td>{formatDuration(clock.plannedSeconds)}</td>
              <td>{formatDuration(clock.usedSeconds)}</td>
              <td className={clock.overrun ? 'timer-overrun' : undefined}>
                {formatRemaining(clock.remainingSeconds)}
                {clock.overrun && <span className="visually-hidden"> {t('stageSessions.timer.overrun')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p aria-live="polite" className="timer-announce" data-testid="timer-announce">
        {overrun.length > 0 ? t('stageSessions.timer.overrunAnnounce', { segments: overrun.join(', ') }) : ''}
      </p>
    </div>
  );
}
