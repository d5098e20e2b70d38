import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { officeTabs, parseRoute, routeHash, type Route } from '../../../src-renderer/components/route';

/** Ids as they may come: with `/`, spaces, `%`, `#`, `?`, Chinese and other Unicode; never empty (schemas say min 1). */
const id = fc.oneof(
  fc.string({ minLength: 1, unit: 'binary' }),
  fc.constantFrom('a/b', 'with space', '昆岚电气', '4.1.2', '%2F', '%', '#/x', '..', '?q=1', '申报/组织 2026'),
);

const route: fc.Arbitrary<Route> = fc.oneof(
  fc.constant<Route>({ page: 'home' }),
  id.map((assignmentId): Route => ({ page: 'applicants', assignmentId })),
  fc.tuple(id, fc.constantFrom(...officeTabs)).map(([cycleId, tab]): Route => ({ page: 'office-cycle', cycleId, tab })),
  fc
    .tuple(id, id, id)
    .map(([cycleId, stage, applicantId]): Route => ({ page: 'office-applicant', cycleId, stage, applicantId })),
  fc.constant<Route>({ page: 'office-experts' }),
  fc
    .tuple(id, id, fc.option(id, { nil: undefined }))
    .map(([assignmentId, applicantId, itemId]): Route => ({ page: 'scorebook', assignmentId, applicantId, itemId })),
  fc
    .tuple(fc.constantFrom('submit', 'stages', 'session'), id, id)
    .map(([page, assignmentId, applicantId]): Route => ({ page, assignmentId, applicantId })),
);

/** Lone surrogates cannot be encoded (encodeURIComponent throws), and no id of ours contains one. */
function wellFormed(r: Route): boolean {
  return Object.values(r).every((v) => typeof v !== 'string' || !/\p{Cs}/u.test(v));
}

describe('parseRoute and routeHash', () => {
  it('round-trip every route, whatever its ids contain', () => {
    fc.assert(
      fc.property(route.filter(wellFormed), (r) => {
        expect(parseRoute(routeHash(r))).toEqual(r);
      }),
      { numRuns: 500 },
    );
  });

  it.each<[string, Route]>([
    ['#/assignments/a%2Fb', { page: 'applicants', assignmentId: 'a/b' }],
    [
      '#/assignments/demo/applicants/%E6%98%86%E5%B2%9A%20%E7%94%B5%E6%B0%94/items/4.1.2',
      { page: 'scorebook', assignmentId: 'demo', applicantId: '昆岚 电气', itemId: '4.1.2' },
    ],
    ['#/assignments/a/applicants/b', { page: 'scorebook', assignmentId: 'a', applicantId: 'b', itemId: undefined }],
    ['#/assignments/a/applicants/b/stages', { page: 'stages', assignmentId: 'a', applicantId: 'b' }],
    ['#/assignments/a%2F1/applicants/b/session', { page: 'session', assignmentId: 'a/1', applicantId: 'b' }],
  ])('parses %s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
    expect(routeHash(expected)).toBe(hash);
  });

  it.each(['', '#', '#/', '/', '#//'])('parses %j as home', (hash) => {
    expect(parseRoute(hash)).toEqual({ page: 'home' });
  });

  it('writes home and not-found as #/', () => {
    expect(routeHash({ page: 'home' })).toBe('#/');
    expect(routeHash({ page: 'not-found' })).toBe('#/');
  });

  it.each([
    '#/nowhere',
    '#/assignments',
    '#/assignment/a',
    '#/assignments/a/people/b',
    '#/assignments/a/applicants',
    '#/assignments/a/applicants/b/items',
    '#/assignments/a/applicants/b/questions/c',
    '#/assignments/a/applicants/b/items/c/d',
    '#/assignments/a/applicants/b/stages/c',
    '#/assignments/a/applicants/b/session/c',
    '#/home',
  ])('parses the malformed %s as not-found', (hash) => {
    expect(parseRoute(hash)).toEqual({ page: 'not-found' });
  });

  it('never throws and returns a known page for any hash made of route-like parts', () => {
    const part = fc.oneof(
      fc.constantFrom('assignments', 'applicants', 'items', 'submit', 'stages', 'session', '', '%'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const hash = `#/${parts.map((p) => encodeURIComponent(p)).join('/')}`;
        expect(['home', 'applicants', 'scorebook', 'submit', 'stages', 'session', 'not-found']).toContain(
          parseRoute(hash).page,
        );
      }),
    );
  });
});

/** A mistyped or truncated address must show "not found", never crash the router into a blank screen. */
describe('malformed percent escapes', () => {
  it.each(['#/assignments/%', '#/assignments/a/applicants/%E6%98', '#/assignments/%zz'])(
    'parses %s as not-found',
    (hash) => {
      expect(parseRoute(hash)).toEqual({ page: 'not-found' });
    },
  );
});
