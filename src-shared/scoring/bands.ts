import type { Band } from '../criteria/criteria-schema';

/** The band a percentage falls in; bands of a valid criteria file cover 0–100 without gaps. */
export function bandOf(bands: readonly Band[], percent: number): Band | undefined {
  return bands.find((band) => percent >= band.min && percent <= band.max);
}

/** The selectable percentages inside a band, ascending (e.g. 10–25 → 10, 15, 20, 25). */
export function percentsInBand(band: Band, step = 5): number[] {
  const values: number[] = [];
  for (let p = band.min; p <= band.max; p += step) values.push(p);
  return values;
}
