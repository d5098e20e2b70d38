import { useEffect, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs`. The radar chart follows the totals this
 * way, so its render (the most expensive on the page) never competes with a click's write.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * False until the browser is first idle after mount. The radar chunk (recharts, ~100 kB gzipped)
 * is fetched and compiled only then, so it does not compete with the scorebook's own first paint.
 */
export function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => setIdle(true), { timeout: 1000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setIdle(true), 200);
    return () => clearTimeout(timer);
  }, []);
  return idle;
}
