import { useEffect, useState } from 'react';
import { useServices } from '../../components/services';

/** The services' clock in milliseconds, read again every second while `ticking` (a running defense timer). */
export function useNow(ticking: boolean): number {
  const { now } = useServices();
  const [value, setValue] = useState(() => now().getTime());
  useEffect(() => {
    if (!ticking) return;
    const read = (): void => setValue(now().getTime());
    const first = setTimeout(read, 0);
    const timer = setInterval(read, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [now, ticking]);
  return value;
}
