/**
 * Prints the test vectors of docs/package-format.md as the document writes them, computed with the
 * project's code from the fixed inputs in test/shared/packages/vectors-fixture.ts.
 *
 *   npx tsx scripts/make-vectors.ts           print every block
 *   npx tsx scripts/make-vectors.ts --write   rewrite the blocks already in the document, in place
 *
 * test/shared/packages/vectors.test.ts fails whenever the document and the code disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { computeVectors, formatBlock, readVectorBlocks } from '../test/shared/packages/vectors-fixture';

const docPath = new URL('../docs/package-format.md', import.meta.url);
const { vectors } = await computeVectors();

if (process.argv.includes('--write')) {
  let markdown = readFileSync(docPath, 'utf8');
  const present = new Set(readVectorBlocks(markdown).map((block) => block.name));
  for (const [name, vector] of vectors) {
    if (!present.has(name)) {
      console.warn(`not in the document: ${name}`);
      continue;
    }
    // The name ends at a space or the line end: `envelope` must not match `envelope-sha256`.
    const block = new RegExp('^```vector name=' + name + '(?= |$)[^\\n]*\\n[\\s\\S]*?\\n```$', 'm');
    markdown = markdown.replace(block, () => formatBlock(name, vector));
  }
  for (const name of present) if (!vectors.has(name)) console.warn(`in the document but not computed: ${name}`);
  writeFileSync(docPath, markdown);
  console.log(`rewrote ${present.size} blocks in docs/package-format.md`);
} else {
  for (const [name, vector] of vectors) console.log(`${formatBlock(name, vector)}\n`);
}
