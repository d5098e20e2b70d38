import { useEffect } from 'react';

/**
 * Writes what is still waiting when the page is hidden or the window closes (`pagehide`, `visibilitychange` to
 * hidden), and, with `onUnmount`, when the component leaves the page: typed text is debounced, and neither a closed
 * window nor a route change may drop it.
 */
export function useFlushOnHide(flush: () => void, options: { readonly onUnmount: boolean }): void {
  const { onUnmount } = options;
  useEffect(() => {
    const onHide = (): void => flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      if (onUnmount) flush();
    };
  }, [flush, onUnmount]);
}
