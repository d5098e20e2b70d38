import { useEffect, useState } from 'react';

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
      return `#/assignments/${e(route.assignmentId)}/applicants/${e(route.applicantId)}/submit`;
    case 'applicants':
      return `#/assignments/${e(route.assignmentId)}`;
    case 'scorebook':
      return `#/assignments/${e(route.assignmentId)}/applicants/${e(route.applicantId)}${route.itemId === undefined ? '' : `/items/${e(route.itemId)}`}`;
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  window.location.hash = routeHash(route);
}
