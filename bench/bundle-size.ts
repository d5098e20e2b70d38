import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface SizedFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleSizes {
  /** The entry script and its modulepreload links: what the first screen must fetch and parse. */
  readonly initial: SizedFile[];
  readonly initialGzipBytes: number;
  /** Every other script of the build: loaded on demand (dynamic import). */
  readonly lazy: SizedFile[];
  readonly css: SizedFile[];
}

function size(rendererDir: string, file: string): SizedFile {
  const bytes = readFileSync(join(rendererDir, file));
  return { file, bytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength };
}

/** `./assets/x.js` or `/assets/x.js` → `assets/x.js`, relative to the renderer folder. */
function localPath(reference: string): string {
  return reference.replace(/^\.?\//, '');
}

/** The values of `attribute` on every tag whose attributes match `filter` (the build's own index.html). */
function attributeValues(html: string, tag: string, filter: RegExp, attribute: string): string[] {
  const values: string[] = [];
  for (const match of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, 'g'))) {
    const element = match[0];
    if (!filter.test(element)) continue;
    const value = new RegExp(`\\b${attribute}="([^"]+)"`).exec(element)?.[1];
    if (value !== undefined) values.push(value);
  }
  return values;
}

/**
 * (d) Initial renderer JavaScript: the module entry of `index.html` plus its `modulepreload` links,
 * each gzipped at level 9 (what a static server would send; Electron reads files uncompressed, so
 * this stands for parse-and-compile weight rather than bytes on a wire).
 */
export function measureBundle(rendererDir = 'out/renderer'): BundleSizes {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const entries = attributeValues(html, 'script', /type="module"/, 'src');
  const preloads = attributeValues(html, 'link', /rel="modulepreload"/, 'href');
  const styles = attributeValues(html, 'link', /rel="stylesheet"/, 'href');
  const initialFiles = [...new Set([...entries, ...preloads].map(localPath))];
  if (initialFiles.length === 0) throw new Error(`no module script in ${rendererDir}/index.html`);
  const initial = initialFiles.map((file) => size(rendererDir, file));
  const lazy = readdirSync(join(rendererDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`)
    .filter((file) => !initialFiles.includes(file))
    .map((file) => size(rendererDir, file));
  return {
    initial,
    initialGzipBytes: initial.reduce((sum, file) => sum + file.gzipBytes, 0),
    lazy,
    css: styles.map((file) => size(rendererDir, localPath(file))),
  };
}
