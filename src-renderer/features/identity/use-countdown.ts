import { useEffect, useState } from 'react';

/** Seconds left until `until` (a ms timestamp), ticking once a second; 0 once passed. */
export function useCountdown(until: number | undefined, now: () => Date): number {
  const compute = (): number => (until === undefined ? 0 : Math.max(0, Math.ceil((until - now().getTime()) / 1000)));
  const [left, setLeft] = useState(compute);
  useEffect(() => {
    setLeft(compute());
    if (until === undefined) return;
    const timer = setInterval(() => setLeft(compute()), 1000);
    return () => clearInterval(timer);
    // compute closes over until and now only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [until, now]);
  return left;
}
