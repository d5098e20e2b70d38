import { describe, expect, it } from 'vitest';
import {
  buildPackageWorld,
  officeFor,
  requireAccepted,
  signAndSeal,
  verifyAtOffice,
} from '../../../bench/package-fixtures';

/**
 * The package benchmark (bench/measure-packages.ts) times these fixtures through the office pipeline;
 * this keeps them honest: realistic sheets, accepted by the real pipeline, the same from the same seed.
 * Ten packages, so the first revision (package 10 revises package 5) is in.
 */
describe('benchmark package fixtures', () => {
  it('builds realistic sheets that the office pipeline accepts, revisions included', async () => {
    const world = await buildPackageWorld(10);
    const office = officeFor(world);
    for (const [index, sheet] of world.sheets.entries()) {
      const items = sheet.payload.items;
      expect(items).toHaveLength(23);
      for (const item of items) {
        const comments = [...item.strengths, ...item.ofis];
        expect(comments.length).toBeGreaterThanOrEqual(3);
        expect(comments.length).toBeLessThanOrEqual(5);
        expect(item.strengths.length).toBeGreaterThan(0);
        expect(item.ofis.length).toBeGreaterThan(0);
        for (const c of comments) {
          expect(c.text.length).toBeGreaterThanOrEqual(60);
          expect(c.text.length).toBeLessThanOrEqual(150);
          expect(c.page !== null || c.ref !== '').toBe(true);
        }
      }
      const built = await signAndSeal(world, sheet);
      if (!built.ok) throw new Error(built.error.message);
      const verdict = await verifyAtOffice(world, office, built.value.file);
      expect(verdict).toMatchObject({ ok: true, value: { outcome: 'accept', seq: index === 9 ? 2 : 1 } });
    }
    expect(new Set(world.sheets.map((s) => s.payload.issuer)).size).toBe(9);
  });

  it('fails loudly when a package is not accepted', async () => {
    const world = await buildPackageWorld(1);
    const office = officeFor(world);
    const sheet = world.sheets[0];
    if (sheet === undefined) throw new Error('no sheet');
    const built = await signAndSeal(world, sheet);
    if (!built.ok) throw new Error(built.error.message);
    requireAccepted(await verifyAtOffice(world, office, built.value.file), 0);
    // The same file again is a duplicate, not an acceptance: the benchmark must stop, not count it.
    const again = await verifyAtOffice(world, office, built.value.file);
    expect(() => requireAccepted(again, 0)).toThrow(/not accepted: duplicate/);
  });

  it('gives the same keys and payloads from the same seed (Ed25519 then signs the same bytes)', async () => {
    const [a, b] = await Promise.all([buildPackageWorld(2, 7), buildPackageWorld(2, 7)]);
    expect(b.experts.map((e) => e.fingerprint)).toEqual(a.experts.map((e) => e.fingerprint));
    expect(b.sheets.map((s) => s.payload)).toEqual(a.sheets.map((s) => s.payload));
    const other = await buildPackageWorld(2, 8);
    expect(other.sheets[0]?.payload.items).not.toEqual(a.sheets[0]?.payload.items);
  });
});
