import { describe, expect, it } from 'vitest';
import {
  drawWatermark,
  formatWatermarkTime,
  maxTiles,
  watermarkAngle,
  watermarkFontSize,
  watermarkLines,
  watermarkTiles,
  type WatermarkContext,
} from '../../../src-renderer/viewer/watermark';

describe('the watermark text', () => {
  it('is the local date and time to the minute, zero-padded', () => {
    expect(formatWatermarkTime(new Date(2026, 4, 4, 9, 7, 59))).toBe('2026-05-04 09:07');
    expect(formatWatermarkTime(new Date(2026, 11, 31, 23, 0))).toBe('2026-12-31 23:00');
  });

  it('names the expert, the time and what it is, leaving blank parts out', () => {
    const at = new Date(2026, 2, 2, 8, 0);
    expect(watermarkLines(' 李明 ', at, '商业秘密 仅供评审')).toEqual([
      '李明',
      '2026-03-02 08:00',
      '商业秘密 仅供评审',
    ]);
    expect(watermarkLines('', at, '')).toEqual(['2026-03-02 08:00']);
  });
});

/** The canvas point (px, py) in the tiles' rotated frame centred on the canvas. */
function toTileFrame(px: number, py: number, width: number, height: number, angle: number): { x: number; y: number } {
  const dx = px - width / 2;
  const dy = py - height / 2;
  return { x: dx * Math.cos(-angle) - dy * Math.sin(-angle), y: dx * Math.sin(-angle) + dy * Math.cos(-angle) };
}

describe('the tile layout', () => {
  const canvases = [
    { width: 800, height: 1131 },
    { width: 1131, height: 800 },
    { width: 300, height: 300 },
    { width: 2400, height: 3394 },
  ];

  it.each(canvases)('leaves no part of a $width×$height canvas far from a tile', ({ width, height }) => {
    const layout = watermarkTiles({ width, height, tileWidth: 160, tileHeight: 60, angle: watermarkAngle });
    // Every sampled point of the canvas, corners included, lies within one step of some tile centre.
    for (let px = 0; px <= width; px += width / 10) {
      for (let py = 0; py <= height; py += height / 10) {
        const p = toTileFrame(px, py, width, height, watermarkAngle);
        const near = layout.centres.some(
          (c) => Math.abs(c.x - p.x) <= layout.stepX && Math.abs(c.y - p.y) <= layout.stepY,
        );
        expect(near, `(${px}, ${py}) is far from every tile`).toBe(true);
      }
    }
  });

  it('shifts every other row by half a step, so the pattern runs diagonally', () => {
    const layout = watermarkTiles({ width: 600, height: 800, tileWidth: 100, tileHeight: 40, angle: watermarkAngle });
    const rows = [...new Set(layout.centres.map((c) => c.y))].sort((a, b) => a - b);
    const firstX = (y: number | undefined) => Math.min(...layout.centres.filter((c) => c.y === y).map((c) => c.x));
    expect(firstX(rows[1]) - firstX(rows[0])).toBeCloseTo(layout.stepX / 2);
    expect(firstX(rows[2])).toBeCloseTo(firstX(rows[0]));
  });

  it('spaces tiles out on a huge canvas rather than drawing thousands', () => {
    const layout = watermarkTiles({
      width: 16000,
      height: 16000,
      tileWidth: 40,
      tileHeight: 20,
      angle: watermarkAngle,
    });
    expect(layout.centres.length).toBeLessThanOrEqual(maxTiles);
    expect(layout.centres.length).toBeGreaterThan(maxTiles / 3);
  });

  it('keeps tiles apart: no two overlap', () => {
    const layout = watermarkTiles({ width: 800, height: 1000, tileWidth: 150, tileHeight: 50, angle: watermarkAngle });
    expect(layout.stepX).toBeGreaterThanOrEqual(150);
    expect(layout.stepY).toBeGreaterThanOrEqual(50);
  });
});

interface Call {
  readonly op: string;
  readonly args: readonly (string | number)[];
}

function recordingContext(): WatermarkContext & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    font: '',
    fillStyle: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    save: () => calls.push({ op: 'save', args: [] }),
    restore: () => calls.push({ op: 'restore', args: [] }),
    translate: (x, y) => calls.push({ op: 'translate', args: [x, y] }),
    rotate: (angle) => calls.push({ op: 'rotate', args: [angle] }),
    fillText: (text, x, y) => calls.push({ op: 'fillText', args: [text, x, y] }),
    measureText: (text) => ({ width: text.length * 10 }),
  };
}

describe('drawing the watermark', () => {
  it('writes every line in every tile, rotated about the centre, and restores the context', () => {
    const context = recordingContext();
    const lines = ['李明', '2026-05-04 14:07', '商业秘密 仅供评审'];
    const tiles = drawWatermark(context, { width: 800, height: 1131, outputScale: 1 }, lines);
    const texts = context.calls.filter((c) => c.op === 'fillText');
    expect(tiles).toBeGreaterThan(10);
    expect(texts).toHaveLength(tiles * lines.length);
    for (const line of lines) expect(texts.filter((c) => c.args[0] === line)).toHaveLength(tiles);
    expect(context.calls[0]?.op).toBe('save');
    expect(context.calls.at(-1)?.op).toBe('restore');
    expect(context.calls.find((c) => c.op === 'translate')?.args).toEqual([400, 565.5]);
    expect(context.calls.find((c) => c.op === 'rotate')?.args).toEqual([watermarkAngle]);
    expect(context.fillStyle).toMatch(/^rgba\(/);
  });

  it('draws nothing without lines or on an empty canvas', () => {
    const context = recordingContext();
    expect(drawWatermark(context, { width: 800, height: 1000, outputScale: 1 }, [])).toBe(0);
    expect(drawWatermark(context, { width: 0, height: 1000, outputScale: 1 }, ['李明'])).toBe(0);
    expect(context.calls).toEqual([]);
  });

  it('sizes the text to the canvas, within readable bounds at any pixel ratio', () => {
    expect(watermarkFontSize(800, 1)).toBe(19);
    expect(watermarkFontSize(200, 1)).toBe(13);
    expect(watermarkFontSize(5000, 1)).toBe(28);
    expect(watermarkFontSize(1600, 2)).toBe(38);
  });
});
