import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { ErrorBanner } from './error-banner';

/**
 * A screen off the cold path, loaded on first use (React.lazy; render it inside Suspense). If its code cannot
 * be fetched — in browser mode, when the host has stopped — the screen says so in words instead of the whole
 * app going blank.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async (): Promise<{ default: ComponentType<P> }> => {
    try {
      return { default: await load() };
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { default: () => <ErrorBanner error={{ code: 'E_TRANSPORT', params: { detail } }} /> };
    }
  });
}
