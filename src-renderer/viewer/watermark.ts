/**
 * The watermark of a commercial-secret material (Art. 11 (2)): the expert's name and the time, tiled diagonally and
 * drawn into the page's canvas pixels after pdf.js painted them, so no stylesheet or DOM edit can remove it and any
 * screenshot or copied image carries it.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local date and time to the minute, as the expert reads a clock: 2026-05-04 14:07. */
export function formatWatermarkTime(time: Date): string {
  return (
    `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())} ` +
    `${pad(time.getHours())}:${pad(time.getMinutes())}`
  );
}

/** The watermark's lines: who opened it, when, and what it is. Blank parts are left out. */
export function watermarkLines(expertName: string, time: Date, label: string): string[] {
  return [expertName.trim(), formatWatermarkTime(time), label.trim()].filter((line) => line !== '');
}

export interface TileLayoutInput {
  /** The canvas in device pixels. */
  readonly width: number;
  readonly height: number;
  /** One tile (the block of lines) in device pixels. */
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** Radians; the text runs along this angle (negative: rising to the right). */
  readonly angle: number;
}

export interface TileLayout {
  /** Tile centres in the rotated frame whose origin is the canvas centre. */
  readonly centres: readonly { readonly x: number; readonly y: number }[];
  readonly stepX: number;
  readonly stepY: number;
}

/** Never more than this many tiles, whatever the canvas: a huge page gets wider spacing, not a frozen frame. */
export const maxTiles = 600;

/**
 * Tile centres covering the whole canvas once it is rotated by `angle` about its centre: a grid over the square of
 * the canvas diagonal (which contains the rotated canvas at any angle), every other row shifted by half a step so
 * the tiles read as a diagonal pattern without columns of blank space.
 */
export function watermarkTiles(input: TileLayoutInput): TileLayout {
  const diagonal = Math.hypot(input.width, input.height);
  let stepX = Math.max(input.tileWidth * 1.6, 1);
  let stepY = Math.max(input.tileHeight * 2.2, 1);
  const countFor = (sx: number, sy: number): number => (Math.ceil(diagonal / sx) + 2) * (Math.ceil(diagonal / sy) + 1);
  while (countFor(stepX, stepY) > maxTiles) {
    stepX *= 1.25;
    stepY *= 1.25;
  }
  const half = diagonal / 2;
  const rows = Math.ceil(diagonal / stepY) + 1;
  const columns = Math.ceil(diagonal / stepX) + 2;
  const centres: { x: number; y: number }[] = [];
  for (let row = 0; row < rows; row += 1) {
    const y = -half + row * stepY;
    const shift = row % 2 === 0 ? 0 : stepX / 2;
    for (let column = 0; column < columns; column += 1) {
      centres.push({ x: -half - stepX + shift + column * stepX, y });
    }
  }
  return { centres, stepX, stepY };
}

/** The part of CanvasRenderingContext2D the watermark draws with (a recording fake in tests). */
export interface WatermarkContext {
  font: string;
  fillStyle: string | CanvasGradient | CanvasPattern;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  save(): void;
  restore(): void;
  translate(x: number, y: number): void;
  rotate(angle: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

export const watermarkAngle = -Math.PI / 6;

/** The font size in device pixels for a canvas of this width: readable at every zoom, never dominant. */
export function watermarkFontSize(canvasWidth: number, outputScale: number): number {
  return Math.round(Math.min(Math.max(canvasWidth / 42, 13 * outputScale), 28 * outputScale));
}

/** Draws `lines` tiled across the canvas (device pixels); returns the number of tiles drawn. */
export function drawWatermark(
  context: WatermarkContext,
  size: { readonly width: number; readonly height: number; readonly outputScale: number },
  lines: readonly string[],
): number {
  if (lines.length === 0 || size.width <= 0 || size.height <= 0) return 0;
  const fontSize = watermarkFontSize(size.width, size.outputScale);
  const lineHeight = Math.round(fontSize * 1.35);
  context.save();
  context.font = `600 ${fontSize}px 'Noto Sans SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif`;
  // Dark red at low opacity: visible on white and on photos, and the page text under it stays readable.
  context.fillStyle = 'rgba(163, 33, 26, 0.2)';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  const tileWidth = Math.max(...lines.map((line) => context.measureText(line).width));
  const tileHeight = lineHeight * lines.length;
  const layout = watermarkTiles({
    width: size.width,
    height: size.height,
    tileWidth,
    tileHeight,
    angle: watermarkAngle,
  });
  context.translate(size.width / 2, size.height / 2);
  context.rotate(watermarkAngle);
  for (const centre of layout.centres) {
    lines.forEach((line, index) => {
      context.fillText(line, centre.x, centre.y + (index - (lines.length - 1) / 2) * lineHeight);
    });
  }
  context.restore();
  return layout.centres.length;
}
