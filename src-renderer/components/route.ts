import { useEffect, useState, type MouseEvent } from 'react';
import { flushSync } from 'react-dom';

/** The office's pages of one cycle, in the order its tabs show them. */
export const officeTabs = ['settings', 'applicants', 'panels', 'inbox', 'results'] as const;
export type OfficeTab = (typeof officeTabs)[number];

function isOfficeTab(text: string): text is OfficeTab {
  return (officeTabs as readonly string[]).includes(text);
}

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'profile' }
  | { readonly page: 'outbox' }
  | { readonly page: 'submit'; readonly assignmentId: string; readonly applicantId: string }
  /** One applicant's sheets across the cycle's stages: previous → new percent per item, reasons, the radar. */
  | { readonly page: 'stages'; readonly assignmentId: string; readonly applicantId: string }
  /** The stage's own record: issues to verify, the defense session or the site visit (issue 5). */
  | { readonly page: 'session'; readonly assignmentId: string; readonly applicantId: string }
  | { readonly page: 'applicants'; readonly assignmentId: string }
  | {
      readonly page: 'scorebook';
      readonly assignmentId: string;
      readonly applicantId: string;
      readonly itemId: string | undefined;
    }
  | { readonly page: 'office-cycle'; readonly cycleId: string; readonly tab: OfficeTab }
  /** One applicant at one stage of a cycle: the experts × items matrix, its charts and the consensus. */
  | {
      readonly page: 'office-applicant';
      readonly cycleId: string;
      readonly stage: string;
      readonly applicantId: string;
    }
  | { readonly page: 'office-experts' }
  | { readonly page: 'not-found' };

/** Parses `#/assignments/<id>/applicants/<id>/items/<id>`; the hash keeps routes working from app:// and http. */
export function parseRoute(hash: string): Route {
  let parts: string[];
  try {
    parts = hash
      .replace(/^#\/?/, '')
      .split('/')
      .filter((part) => part !== '')
      .map(decodeURIComponent);
  } catch {
    // A malformed escape (e.g. a hand-edited `%zz`) is a wrong address, not a crash.
    return { page: 'not-found' };
  }
  // `#token=…` is the web host's address before the token is taken; it shows the first screen.
  if (parts.length === 0 || hash.startsWith('#token=')) return { page: 'home' };
  if (parts.length === 1 && parts[0] === 'profile') return { page: 'profile' };
  if (parts.length === 1 && parts[0] === 'outbox') return { page: 'outbox' };
  if (parts[0] === 'office') return parseOfficeRoute(parts.slice(1));
  const [a, assignmentId, b, applicantId, c, itemId] = parts;
  if (a !== 'assignments' || assignmentId === undefined) return { page: 'not-found' };
  if (b === undefined) return { page: 'applicants', assignmentId };
  if (b !== 'applicants' || applicantId === undefined) return { page: 'not-found' };
  if (c === undefined) return { page: 'scorebook', assignmentId, applicantId, itemId: undefined };
  if (c === 'submit' && itemId === undefined) return { page: 'submit', assignmentId, applicantId };
  if (c === 'stages' && itemId === undefined) return { page: 'stages', assignmentId, applicantId };
  if (c === 'session' && itemId === undefined) return { page: 'session', assignmentId, applicantId };
  if (c !== 'items' || itemId === undefined || parts.length > 6) return { page: 'not-found' };
  return { page: 'scorebook', assignmentId, applicantId, itemId };
}

/** `experts`, `cycles/<id>`, `cycles/<id>/<tab>`, `cycles/<id>/results/<stage>/<applicantId>`. */
function parseOfficeRoute(parts: readonly string[]): Route {
  const [section, cycleId, tab, stage, applicantId] = parts;
  if (section === 'experts' && parts.length === 1) return { page: 'office-experts' };
  if (section !== 'cycles' || cycleId === undefined) return { page: 'not-found' };
  if (tab === undefined) return { page: 'office-cycle', cycleId, tab: 'settings' };
  if (tab === 'results' && stage !== undefined && applicantId !== undefined && parts.length === 5) {
    return { page: 'office-applicant', cycleId, stage, applicantId };
  }
  if (parts.length === 3 && isOfficeTab(tab) && tab !== 'settings') return { page: 'office-cycle', cycleId, tab };
  return { page: 'not-found' };
}

/** The hash for a route; ids are encoded so any id survives the round trip. */
export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.page) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'profile':
      return '#/profile';
    case 'outbox':
      return '#/outbox';
    case 'office-cycle':
      return `#/office/cycles/${e(route.cycleId)}${route.tab === 'settings' ? '' : `/${route.tab}`}`;
    case 'office-applicant':
      return `#/office/cycles/${e(route.cycleId)}/results/${e(route.stage)}/${e(route.applicantId)}`;
    case 'office-experts':
      return '#/office/experts';
    case 'submit':
    case 'stages':
    case 'session':
      return `#/assignments/${e(route.assignmentId)}/applicants/${e(route.applicantId)}/${route.page}`;
    case 'applicants':
      return `#/assignments/${e(route.assignmentId)}`;
    case 'scorebook':
      return `#/assignments/${e(route.assignmentId)}/applicants/${e(route.applicantId)}${route.itemId === undefined ? '' : `/items/${e(route.itemId)}`}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    let shown = window.location.hash;
    // Rendered in the task that changed the address: the page shows the new route before anything queued after it
    // (a keystroke, a click on the previous item's controls) can act on what the old address showed. The browser's
    // own hashchange after `navigate` then finds the address already shown.
    const onChange = (): void => {
      if (window.location.hash === shown) return;
      shown = window.location.hash;
      flushSync(() => setRoute(parseRoute(shown)));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Moves to a route at once: the address changes and the page follows before this returns. */
export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * For an in-app link's onClick: a plain click moves at once (see `navigate`); a click with a modifier or another
 * button keeps the browser's own behaviour.
 */
export function followLink(event: MouseEvent<HTMLAnchorElement>, route: Route): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(route);
}
