import { describe, expect, it } from 'vitest';
import {
  clampPage,
  cssPixelsPerPoint,
  maxCanvasPixels,
  outputScale,
  pageAfterKey,
  pageScale,
  viewerKeyFor,
  type KeyInput,
} from '../../../src-renderer/viewer/viewer-layout';

describe('zoom', () => {
  it('fits an A4 page (595 pt) to the frame width', () => {
    expect(pageScale('fit-width', 595, 476)).toBeCloseTo(0.8);
  });

  it('shows 100 % and 150 % at printed size (96 px per 72 pt), whatever the frame', () => {
    expect(pageScale('actual', 595, 300)).toBeCloseTo(cssPixelsPerPoint);
    expect(pageScale('large', 595, 300)).toBeCloseTo(1.5 * cssPixelsPerPoint);
  });

  it('never fits below a tenth, nor divides by a zero width', () => {
    expect(pageScale('fit-width', 595, 10)).toBe(0.1);
    expect(pageScale('fit-width', 0, 400)).toBeCloseTo(cssPixelsPerPoint);
  });

  it("uses the screen's pixel ratio, lowered only to keep the canvas under the cap", () => {
    expect(outputScale(800, 1100, 2)).toBe(2);
    const huge = outputScale(4000, 6000, 2);
    expect(huge).toBeLessThan(2);
    expect(4000 * 6000 * huge * huge).toBeLessThanOrEqual(maxCanvasPixels + 1);
    expect(outputScale(800, 1100, Number.NaN)).toBe(1);
  });
});

describe('pages', () => {
  it('keeps a requested page inside the document', () => {
    expect(clampPage(0, 5)).toBe(1);
    expect(clampPage(9, 5)).toBe(5);
    expect(clampPage(3.7, 5)).toBe(3);
    expect(clampPage(Number.NaN, 5)).toBe(1);
  });

  it('turns pages by key and stops at both ends', () => {
    expect(pageAfterKey('next', 2, 5)).toBe(3);
    expect(pageAfterKey('previous', 2, 5)).toBe(1);
    expect(pageAfterKey('previous', 1, 5)).toBeUndefined();
    expect(pageAfterKey('next', 5, 5)).toBeUndefined();
    expect(pageAfterKey('first', 4, 5)).toBe(1);
    expect(pageAfterKey('last', 4, 5)).toBe(5);
    expect(pageAfterKey('last', 5, 5)).toBeUndefined();
    expect(pageAfterKey('close', 2, 5)).toBeUndefined();
  });
});

describe('keys in the viewer', () => {
  const press = (key: string, patch: Partial<KeyInput> = {}) =>
    viewerKeyFor({
      key,
      altKey: false,
      ctrlKey: false,
      metaKey: false,
      canScrollUp: false,
      canScrollDown: false,
      ...patch,
    });

  it('turns pages with PageUp / PageDown and the left and right arrows', () => {
    expect(press('PageDown')).toBe('next');
    expect(press('ArrowRight')).toBe('next');
    expect(press('PageUp')).toBe('previous');
    expect(press('ArrowLeft')).toBe('previous');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press('Escape')).toBe('close');
  });

  it('lets the up and down arrows scroll a zoomed page first, then turn it', () => {
    expect(press('ArrowDown', { canScrollDown: true })).toBeUndefined();
    expect(press('ArrowDown')).toBe('next');
    expect(press('ArrowUp', { canScrollUp: true })).toBeUndefined();
    expect(press('ArrowUp')).toBe('previous');
  });

  it('leaves shortcuts with modifiers and other keys to the browser', () => {
    expect(press('PageDown', { ctrlKey: true })).toBeUndefined();
    expect(press('ArrowLeft', { altKey: true })).toBeUndefined();
    expect(press('p', { metaKey: true })).toBeUndefined();
    expect(press('a')).toBeUndefined();
  });
});
