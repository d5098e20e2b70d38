import { describe, expect, it } from 'vitest';
import { takeToken } from '../../../src-renderer/host/transports';

const tokenKey = 'scorebook.token';
/** What the web host puts in the address: 32 random bytes as base64url (src-main/web/start-web-host.ts). */
const token = 'q3Zx_8-Jk2LmN0pQrStUvWxYz0123456789ABCDEFGH';

class MemoryStorage {
  readonly values = new Map<string, string>();
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.values.set(key, value);
  }
}

/** The page's address bar, storage and history as takeToken sees them. */
function page(hash: string, stored?: string) {
  const storage = new MemoryStorage();
  if (stored !== undefined) storage.setItem(tokenKey, stored);
  const replaced: string[] = [];
  const location = { hash, pathname: '/index.html', search: '?lang=en' };
  const history = {
    replaceState: (_data: unknown, _unused: string, url?: string | URL | null): void => {
      replaced.push(String(url));
    },
  };
  return {
    storage,
    replaced,
    // takeToken reads only these members; the fakes stand in for the browser's objects.
    take: () => takeToken(location as Location, storage as unknown as Storage, history as History),
  };
}

describe('takeToken', () => {
  it('takes the token from #token=…, stores it and strips the hash from the address bar', () => {
    const p = page(`#token=${token}`);
    expect(p.take()).toBe(token);
    expect(p.storage.getItem(tokenKey)).toBe(token);
    expect(p.replaced).toEqual(['/index.html?lang=en']);
  });

  it('takes the token when another hash parameter comes before or after it', () => {
    expect(page(`#x=1&token=${token}`).take()).toBe(token);
    expect(page(`#token=${token}&x=1`).take()).toBe(token);
  });

  it('replaces a stored token from an earlier launch', () => {
    const p = page(`#token=${token}`, 'old-token');
    expect(p.take()).toBe(token);
    expect(p.storage.getItem(tokenKey)).toBe(token);
  });

  it('returns the stored token when the address has no hash, and leaves the address alone', () => {
    const p = page('', token);
    expect(p.take()).toBe(token);
    expect(p.replaced).toEqual([]);
  });

  it('returns undefined with neither hash nor stored token', () => {
    expect(page('').take()).toBeUndefined();
    expect(page('#/assignments/a').take()).toBeUndefined();
  });

  it.each([
    '#token=',
    '#token=<script>',
    '#token=%3Cscript%3E',
    '#xtoken=abc',
    '#token=abc$def',
    '#token=abc def',
    '#token=abc/def',
  ])('ignores the malformed %s and keeps the stored token (never a truncated one)', (hash) => {
    const p = page(hash, token);
    expect(p.take()).toBe(token);
    expect(p.storage.getItem(tokenKey)).toBe(token);
  });
});
