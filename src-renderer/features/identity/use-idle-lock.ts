import { useEffect, useRef } from 'react';
import { shouldLock } from '../../../src-shared/identity/idle-lock';

const activityEvents = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;
/** How often idleness is checked; the lock comes at most this late after the limit. */
const checkEveryMs = 5_000;

/**
 * Calls `onIdle` once the user has given no input for `minutes`. The renderer decides, because
 * only it sees input; main then forgets the keys (identity:lock).
 */
export function useIdleLock(enabled: boolean, minutes: number, now: () => Date, onIdle: () => void): void {
  const last = useRef(now().getTime());
  useEffect(() => {
    if (!enabled) return;
    last.current = now().getTime();
    const touch = (): void => {
      last.current = now().getTime();
    };
    for (const name of activityEvents) window.addEventListener(name, touch, { passive: true, capture: true });
    const timer = setInterval(() => {
      if (shouldLock(last.current, now().getTime(), minutes)) onIdle();
    }, checkEveryMs);
    return () => {
      for (const name of activityEvents) window.removeEventListener(name, touch, { capture: true });
      clearInterval(timer);
    };
  }, [enabled, minutes, now, onIdle]);
}
