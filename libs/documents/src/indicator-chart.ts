import type { Resvg } from '@resvg/resvg-js';
import { IndicatorSeriesView } from './view-models';

/**
 * A line chart of an indicator: its actual values (utfall) as a line with points, its numeric targets (målvärden) as
 * diamonds on a dashed line, years along the x-axis and the unit on the y-axis, numbers written the Swedish way. The SVG is
 * written by hand and made a PNG with resvg, so that charts need no browser and no chart library.
 */

export interface IndicatorChartOptions {
  /** The width of the image in pixels; default 1280 (a 16 cm wide chart at 200 dpi). */
  width?: number;
  /** The height of the image in pixels; default half the width. */
  height?: number;
}

export const DEFAULT_CHART_WIDTH = 1280;

/**
 * The chart is drawn on a canvas this wide, scaled to the width asked for, so that its text keeps its size relative to
 * the chart whatever the image's resolution.
 */
const CANVAS_WIDTH = 640;

const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, 'DejaVu Sans', sans-serif";
/**
 * resvg takes only the first family of a list it finds and otherwise the default family, which is the first font it
 * loads (often a serif). DejaVu Sans is the sans-serif most Linux systems have; where it is missing too, resvg uses its
 * own fallback.
 */
const FALLBACK_FONT_FAMILY = 'DejaVu Sans';

const COLOURS = {
  actual: '#1f5fa8',
  target: '#c8641e',
  axis: '#404040',
  grid: '#d9d9d9',
  text: '#1a1a1a',
  muted: '#595959',
} as const;

const TITLE_SIZE = 16;
const TITLE_LINE = 20;
const TITLE_MAX_LINES = 3;
const LABEL_SIZE = 12;
const POINT_LABEL_SIZE = 11;
const PADDING = 12;

/** "14,2", "26 946", "−3,5": a number with as many decimals as given, decimal comma, a space between thousands. */
export function formatSwedishNumber(value: number, decimals: number): string {
  const digits = Math.min(20, Math.max(0, Math.floor(decimals)));
  return new Intl.NumberFormat('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * Whether the indicator has anything to draw: a value or target that is a number (or a step of its scale), its own or, for
 * a parent whose values sit in its sub-measures, theirs. A chart of nothing says only "no data", so none is drawn then.
 */
export function hasChartData(series: IndicatorSeriesView): boolean {
  return hasOwnChartData(series) || subMeasuresToDraw(series).length > 0;
}

function hasOwnChartData(series: IndicatorSeriesView): boolean {
  return series.actuals.some((actual) => isNumber(actual.value)) || series.targets.some((target) => isNumber(target.value));
}

/** The sub-measures a parent without values of its own is drawn by: those with numbers (not states) to draw. */
function subMeasuresToDraw(series: IndicatorSeriesView): IndicatorSeriesView[] {
  if (hasOwnChartData(series)) return [];
  return (series.subMeasures ?? []).filter((sub) => (sub.scaleLabels ?? null) === null && hasOwnChartData(sub));
}

/** The chart as SVG text; {@link renderIndicatorChartPng} renders it. */
export function indicatorChartSvg(series: IndicatorSeriesView, options: IndicatorChartOptions = {}): string {
  const subMeasures = subMeasuresToDraw(series);
  if (subMeasures.length > 0) return subMeasuresChartSvg(series, subMeasures, options);
  const { width, height } = imageSize(options);
  const canvas = { width: CANVAS_WIDTH, height: (CANVAS_WIDTH * height) / width };
  const parts: string[] = [];

  // Title, wrapped.
  const titleLines = wrap(series.name, Math.floor((canvas.width - 2 * PADDING) / (TITLE_SIZE * 0.64)), TITLE_MAX_LINES);
  titleLines.forEach((line, index) => {
    parts.push(text(PADDING, PADDING + TITLE_SIZE + index * TITLE_LINE, line, { size: TITLE_SIZE, weight: 'bold' }));
  });
  let top = PADDING + titleLines.length * TITLE_LINE + 6;

  const actualPoints = series.actuals.filter((actual): actual is typeof actual & { value: number } => isNumber(actual.value));
  const targetPoints = series.targets.filter((target): target is typeof target & { value: number } => isNumber(target.value));
  const years = yearRange([...series.actuals.map((actual) => actual.year), ...series.targets.map((target) => target.year)]);

  // Legend: only for what is drawn; the direction to the right.
  const legendY = top + 10;
  let legendX = PADDING;
  if (actualPoints.length > 0) {
    parts.push(line(legendX, legendY, legendX + 22, legendY, { stroke: COLOURS.actual, width: 2.5 }));
    parts.push(circle(legendX + 11, legendY, 3.5, COLOURS.actual, COLOURS.actual));
    parts.push(text(legendX + 28, legendY + 4, 'Utfall', { size: LABEL_SIZE }));
    legendX += 28 + textWidth('Utfall', LABEL_SIZE) + 18;
  }
  if (actualPoints.some((actual) => actual.preliminary)) {
    parts.push(circle(legendX + 11, legendY, 3.5, '#ffffff', COLOURS.actual));
    parts.push(text(legendX + 20, legendY + 4, 'Preliminärt', { size: LABEL_SIZE }));
    legendX += 20 + textWidth('Preliminärt', LABEL_SIZE) + 18;
  }
  if (targetPoints.length > 0) {
    parts.push(line(legendX, legendY, legendX + 22, legendY, { stroke: COLOURS.target, width: 2, dash: '5 4' }));
    parts.push(diamond(legendX + 11, legendY, 5, COLOURS.target));
    parts.push(text(legendX + 28, legendY + 4, 'Målvärde', { size: LABEL_SIZE }));
  }
  const direction = { higher_is_better: 'Högre värde är bättre', lower_is_better: 'Lägre värde är bättre', none: null }[series.direction];
  if (direction !== null) parts.push(text(canvas.width - PADDING, legendY + 4, direction, { size: LABEL_SIZE, fill: COLOURS.muted, anchor: 'end' }));
  top = legendY + 10;

  // The plot area; room for the labels above the points at its top.
  const bottomText = series.source === null || series.source.trim() === '' ? null : series.source.trim();
  const plot = { top: top + 18, bottom: canvas.height - PADDING - (bottomText === null ? 0 : 16) - 20, left: 0, right: canvas.width - PADDING - 4 };

  const values = [...actualPoints.map((actual) => actual.value), ...targetPoints.map((target) => target.value)];
  // An ordinal indicator's states are the steps of its axis, named by their labels; its points need no labels of their own.
  const stateLabels = series.scaleLabels ?? null;
  const scale = values.length === 0 ? null : stateLabels !== null ? stepScale(stateLabels.length) : yScale(values, series.decimals);
  const tickLabels = scale === null ? [] : stateLabels !== null ? scale.ticks.map((tick) => stateLabels[tick] ?? '') : scale.ticks.map((tick) => formatSwedishNumber(tick, scale.decimals));
  const unit = series.unit === null || series.unit.trim() === '' ? null : series.unit.trim();
  plot.left = PADDING + (unit === null ? 0 : 18) + Math.max(0, ...tickLabels.map((label) => textWidth(label, LABEL_SIZE))) + 8;

  if (unit !== null) {
    const middle = (plot.top + plot.bottom) / 2;
    parts.push(text(PADDING + 10, middle, unit, { size: LABEL_SIZE, anchor: 'middle', rotate: { x: PADDING + 10, y: middle } }));
  }

  const y = (value: number) => (scale === null ? plot.bottom : plot.bottom - ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top));
  const band = years.length === 0 ? 0 : (plot.right - plot.left) / years.length;
  const x = (year: number) => plot.left + (year - years[0] + 0.5) * band;

  // Grid lines and y-axis labels.
  if (scale !== null) {
    scale.ticks.forEach((tick, index) => {
      const tickY = y(tick);
      const isZero = tick === 0 && scale.min < 0;
      parts.push(line(plot.left, tickY, plot.right, tickY, { stroke: isZero ? COLOURS.axis : COLOURS.grid, width: isZero ? 1.2 : 0.8 }));
      parts.push(text(plot.left - 6, tickY + 4, tickLabels[index], { size: LABEL_SIZE, anchor: 'end' }));
    });
  }
  // Axes.
  parts.push(line(plot.left, plot.top, plot.left, plot.bottom, { stroke: COLOURS.axis, width: 1 }));
  parts.push(line(plot.left, plot.bottom, plot.right, plot.bottom, { stroke: COLOURS.axis, width: 1 }));

  // Year labels, every year while they fit, else every second or third.
  const every = Math.max(1, Math.ceil(years.length / 14));
  years.forEach((year, index) => {
    if (index % every !== 0) return;
    parts.push(line(x(year), plot.bottom, x(year), plot.bottom + 4, { stroke: COLOURS.axis, width: 1 }));
    parts.push(text(x(year), plot.bottom + 17, String(year), { size: LABEL_SIZE, anchor: 'middle' }));
  });

  if (scale === null) {
    parts.push(text((plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2, 'Uppgifter saknas', { size: 13, anchor: 'middle', fill: COLOURS.muted }));
  } else {
    // Targets first, so that the actual values are drawn over them where they meet.
    for (const run of runs(series.targets.map((target) => ({ year: target.year, value: target.value })))) {
      if (run.length > 1) parts.push(polyline(run.map((point) => [x(point.year), y(point.value)]), { stroke: COLOURS.target, width: 2, dash: '6 4' }));
    }
    for (const target of targetPoints) parts.push(diamond(x(target.year), y(target.value), 5.5, COLOURS.target));

    for (const run of runs(series.actuals.map((actual) => ({ year: actual.year, value: actual.value })))) {
      if (run.length > 1) parts.push(polyline(run.map((point) => [x(point.year), y(point.value)]), { stroke: COLOURS.actual, width: 2.5 }));
    }
    const byYear = new Map(actualPoints.map((actual) => [actual.year, actual.value]));
    for (const actual of actualPoints) {
      const pointX = x(actual.year);
      const pointY = y(actual.value);
      parts.push(circle(pointX, pointY, 4, actual.preliminary ? '#ffffff' : COLOURS.actual, COLOURS.actual));
      if (stateLabels !== null) continue;
      const place = labelPlacement(actual.value, byYear.get(actual.year - 1), byYear.get(actual.year + 1));
      const label = formatSwedishNumber(actual.value, series.decimals);
      const style = { size: POINT_LABEL_SIZE, fill: COLOURS.actual };
      if (place.below && pointY + 8 + POINT_LABEL_SIZE > plot.bottom - 2) {
        // No room below a point near the x-axis: to its right instead.
        parts.push(text(pointX + 7, pointY + 4, label, style));
      } else {
        const labelX = pointX + (place.anchor === 'start' ? 5 : place.anchor === 'end' ? -5 : 0);
        parts.push(text(labelX, place.below ? pointY + 8 + POINT_LABEL_SIZE : pointY - 8, label, { ...style, anchor: place.anchor }));
      }
    }
  }

  if (bottomText !== null) parts.push(text(PADDING, canvas.height - PADDING, bottomText, { size: 10, fill: COLOURS.muted }));

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${canvas.width} ${round(canvas.height)}" ` +
    `font-family="${escape(FONT_FAMILY)}">` +
    `<title>${escape(series.name)}</title>` +
    `<rect x="0" y="0" width="${canvas.width}" height="${round(canvas.height)}" fill="#ffffff"/>` +
    parts.join('') +
    '</svg>'
  );
}

/** The axis of an ordinal scale: one step per state, the lowest at the bottom. */
function stepScale(states: number): YScale {
  const last = Math.max(1, states - 1);
  return { min: 0, max: last, ticks: Array.from({ length: last + 1 }, (_, index) => index), decimals: 0 };
}

/** Colours of the sub-measures' lines, told apart also in grey print by their dashes. */
const SERIES_STYLES = [
  { colour: '#1f5fa8', dash: undefined },
  { colour: '#c8641e', dash: '6 3' },
  { colour: '#2e8540', dash: '2 3' },
  { colour: '#7a3e9d', dash: '8 3 2 3' },
  { colour: '#a33a3a', dash: undefined },
  { colour: '#4d4d4d', dash: '6 3' },
] as const;

/**
 * A parent indicator whose values sit in its sub-measures: one line of actual values per sub-measure (their targets as
 * diamonds in the line's colour), with a legend naming them under the title.
 */
function subMeasuresChartSvg(series: IndicatorSeriesView, subMeasures: IndicatorSeriesView[], options: IndicatorChartOptions): string {
  const { width, height } = imageSize(options);
  const canvas = { width: CANVAS_WIDTH, height: (CANVAS_WIDTH * height) / width };
  const parts: string[] = [];
  const titleLines = wrap(series.name, Math.floor((canvas.width - 2 * PADDING) / (TITLE_SIZE * 0.64)), TITLE_MAX_LINES);
  titleLines.forEach((line, index) => parts.push(text(PADDING, PADDING + TITLE_SIZE + index * TITLE_LINE, line, { size: TITLE_SIZE, weight: 'bold' })));
  let top = PADDING + titleLines.length * TITLE_LINE + 6;

  // Legend: a sub-measure a line, wrapped onto further lines when the names do not fit on one.
  const style = (index: number) => SERIES_STYLES[index % SERIES_STYLES.length];
  let legendX = PADDING;
  let legendY = top + 10;
  subMeasures.forEach((sub, index) => {
    const name = wrap(sub.name, 40, 1)[0];
    const entryWidth = 28 + textWidth(name, LABEL_SIZE) + 18;
    if (legendX > PADDING && legendX + entryWidth > canvas.width - PADDING) {
      legendX = PADDING;
      legendY += 18;
    }
    parts.push(line(legendX, legendY, legendX + 22, legendY, { stroke: style(index).colour, width: 2.5, dash: style(index).dash }));
    parts.push(circle(legendX + 11, legendY, 3.5, style(index).colour, style(index).colour));
    parts.push(text(legendX + 28, legendY + 4, name, { size: LABEL_SIZE }));
    legendX += entryWidth;
  });
  if (subMeasures.some((sub) => sub.targets.some((target) => isNumber(target.value)))) {
    if (legendX + 100 > canvas.width - PADDING) {
      legendX = PADDING;
      legendY += 18;
    }
    parts.push(diamond(legendX + 11, legendY, 5, COLOURS.muted));
    parts.push(text(legendX + 22, legendY + 4, 'Målvärde', { size: LABEL_SIZE }));
  }
  top = legendY + 10;

  const unit = [series.unit, ...subMeasures.map((sub) => sub.unit)].find((candidate) => candidate !== null && candidate.trim() !== '')?.trim() ?? null;
  const plot = { top: top + 14, bottom: canvas.height - PADDING - 20, left: 0, right: canvas.width - PADDING - 4 };
  const values = subMeasures.flatMap((sub) => [...sub.actuals.map((actual) => actual.value), ...sub.targets.map((target) => target.value)]).filter(isNumber);
  const decimals = Math.max(0, ...subMeasures.map((sub) => sub.decimals));
  const scale = yScale(values, decimals);
  const tickLabels = scale.ticks.map((tick) => formatSwedishNumber(tick, scale.decimals));
  plot.left = PADDING + (unit === null ? 0 : 18) + Math.max(0, ...tickLabels.map((label) => textWidth(label, LABEL_SIZE))) + 8;
  if (unit !== null) {
    const middle = (plot.top + plot.bottom) / 2;
    parts.push(text(PADDING + 10, middle, unit, { size: LABEL_SIZE, anchor: 'middle', rotate: { x: PADDING + 10, y: middle } }));
  }
  const years = yearRange(subMeasures.flatMap((sub) => [...sub.actuals.map((actual) => actual.year), ...sub.targets.map((target) => target.year)]));
  const y = (value: number) => plot.bottom - ((value - scale.min) / (scale.max - scale.min)) * (plot.bottom - plot.top);
  const band = (plot.right - plot.left) / Math.max(1, years.length);
  const x = (year: number) => plot.left + (year - years[0] + 0.5) * band;
  scale.ticks.forEach((tick, index) => {
    parts.push(line(plot.left, y(tick), plot.right, y(tick), { stroke: COLOURS.grid, width: 0.8 }));
    parts.push(text(plot.left - 6, y(tick) + 4, tickLabels[index], { size: LABEL_SIZE, anchor: 'end' }));
  });
  parts.push(line(plot.left, plot.top, plot.left, plot.bottom, { stroke: COLOURS.axis, width: 1 }));
  parts.push(line(plot.left, plot.bottom, plot.right, plot.bottom, { stroke: COLOURS.axis, width: 1 }));
  const every = Math.max(1, Math.ceil(years.length / 14));
  years.forEach((year, index) => {
    if (index % every !== 0) return;
    parts.push(line(x(year), plot.bottom, x(year), plot.bottom + 4, { stroke: COLOURS.axis, width: 1 }));
    parts.push(text(x(year), plot.bottom + 17, String(year), { size: LABEL_SIZE, anchor: 'middle' }));
  });
  subMeasures.forEach((sub, index) => {
    const { colour, dash } = style(index);
    for (const target of sub.targets) if (isNumber(target.value)) parts.push(diamond(x(target.year), y(target.value), 5, colour));
    for (const run of runs(sub.actuals.map((actual) => ({ year: actual.year, value: actual.value })))) {
      if (run.length > 1) parts.push(polyline(run.map((point) => [x(point.year), y(point.value)]), { stroke: colour, width: 2.5, dash }));
    }
    for (const actual of sub.actuals) if (isNumber(actual.value)) parts.push(circle(x(actual.year), y(actual.value), 3.5, actual.preliminary ? '#ffffff' : colour, colour));
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${canvas.width} ${round(canvas.height)}" ` +
    `font-family="${escape(FONT_FAMILY)}">` +
    `<title>${escape(series.name)}</title>` +
    `<rect x="0" y="0" width="${canvas.width}" height="${round(canvas.height)}" fill="#ffffff"/>` +
    parts.join('') +
    '</svg>'
  );
}

/** The chart as a PNG of the size asked for (default 1280 × 640 pixels). */
export function renderIndicatorChartPng(series: IndicatorSeriesView, options: IndicatorChartOptions = {}): Buffer {
  const svg = indicatorChartSvg(series, options);
  // Loaded on the first chart: a process that draws none does not carry the renderer.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Resvg: Renderer } = require('@resvg/resvg-js') as { Resvg: typeof Resvg };
  return new Renderer(svg, { font: { loadSystemFonts: true, defaultFontFamily: FALLBACK_FONT_FAMILY, sansSerifFamily: FALLBACK_FONT_FAMILY } }).render().asPng();
}

/** A short text description of the chart for its alternative text: the values as the table prints them. */
export function indicatorChartDescription(series: IndicatorSeriesView): string {
  const actuals = series.actuals.map((actual) => `${actual.year}: ${actual.display}${actual.preliminary ? ' (preliminärt)' : ''}`).join(', ');
  const targets = series.targets.map((target) => `${target.year}: ${target.display}`).join(', ');
  const unit = series.unit === null || series.unit === '' ? '' : ` (${series.unit})`;
  const subMeasures = subMeasuresToDraw(series);
  if (subMeasures.length > 0) return [`Diagram över ${series.name}${unit}, ett ${(subMeasures[0].tierName ?? 'delmått').toLocaleLowerCase('sv-SE')} per linje.`, ...subMeasures.map((sub) => indicatorChartDescription(sub).replace(/^Diagram över /, ''))].join(' ');
  return [
    `Diagram över ${series.name}${unit}.`,
    actuals === '' ? 'Utfall saknas.' : `Utfall ${actuals}.`,
    targets === '' ? '' : `Målvärde ${targets}.`,
    series.source ?? '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * Where a point's label goes so that the line does not cross it: below a low point (the line leaves it upwards on both
 * sides), above a high one, and beside the line where it passes through (above, away from the side it comes down from).
 */
function labelPlacement(value: number, previous: number | undefined, next: number | undefined): { below: boolean; anchor: 'start' | 'middle' | 'end' } {
  const higher = [previous, next].filter((neighbour) => neighbour !== undefined && neighbour > value).length;
  const lower = [previous, next].filter((neighbour) => neighbour !== undefined && neighbour < value).length;
  if (higher > lower) return { below: true, anchor: 'middle' };
  if (higher === 1 && lower === 1) return { below: false, anchor: previous !== undefined && previous > value ? 'start' : 'end' };
  return { below: false, anchor: 'middle' };
}

function imageSize(options: IndicatorChartOptions): { width: number; height: number } {
  const width = Math.round(options.width ?? DEFAULT_CHART_WIDTH);
  const height = Math.round(options.height ?? width / 2);
  if (!Number.isFinite(width) || !Number.isFinite(height) || width < 100 || height < 60 || width > 10000 || height > 10000) {
    throw new RangeError(`Ogiltig diagramstorlek: ${options.width ?? ''} × ${options.height ?? ''}`);
  }
  return { width, height };
}

function isNumber(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

/** Every year from the first to the last, so that a missing year leaves its gap on the axis. */
function yearRange(years: number[]): number[] {
  const known = years.filter((year) => Number.isInteger(year));
  if (known.length === 0) return [];
  const first = Math.min(...known);
  const last = Math.max(...known);
  // A series spanning more than a century is an error in the data; draw only its first hundred years.
  return Array.from({ length: Math.min(last - first + 1, 100) }, (_, index) => first + index);
}

/** The runs of consecutive years with values: a missing value or year breaks the line. */
function runs(points: { year: number; value: number | null }[]): { year: number; value: number }[][] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const result: { year: number; value: number }[][] = [];
  let current: { year: number; value: number }[] = [];
  for (const point of sorted) {
    const previous = current[current.length - 1];
    if (!isNumber(point.value) || (previous !== undefined && point.year !== previous.year + 1)) {
      if (current.length > 0) result.push(current);
      current = [];
    }
    if (isNumber(point.value)) current.push({ year: point.year, value: point.value });
  }
  if (current.length > 0) result.push(current);
  return result;
}

export interface YScale {
  min: number;
  max: number;
  ticks: number[];
  /** The decimals the tick labels need. */
  decimals: number;
}

/**
 * A y-axis over the values with round ticks. It starts at zero when the values lie near it (more spread than their
 * distance from zero), else it is fitted to them, so that a change from 204 to 213 shows; a single value gets room around it.
 * Its steps are no finer than the `decimals` the values are given with.
 */
export function yScale(values: number[], decimals = 2): YScale {
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low = low === 0 ? 0 : low - pad;
    high = high + pad;
  }
  const spread = high - low;
  if (low > 0 && low <= spread) low = 0;
  if (high < 0 && -high <= spread) high = 0;
  // No finer steps than the values are given in: 0, 1, 2 rather than 0, 0,25, 0,5 for whole numbers.
  const step = Math.max(niceStep((high - low) / 4), Math.pow(10, -Math.max(0, Math.floor(decimals))));
  const tickDecimals = decimalsOf(step);
  const min = Math.floor(low / step + 1e-9) * step;
  const max = Math.ceil(high / step - 1e-9) * step;
  const count = Math.round((max - min) / step);
  const ticks = Array.from({ length: count + 1 }, (_, index) => Number((min + index * step).toFixed(tickDecimals + 2)));
  return { min: ticks[0], max: ticks[ticks.length - 1], ticks, decimals: tickDecimals };
}

/** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least the step given. */
function niceStep(raw: number): number {
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return Number((nice * power).toPrecision(12));
}

function decimalsOf(step: number): number {
  const [, fraction = ''] = step.toPrecision(12).replace(/0+$/, '').split('.');
  return fraction.length;
}

/** Splits a text into lines of at most `width` characters at spaces; the last line ends in "…" when it is cut. */
function wrap(value: string, width: number, maxLines: number): string[] {
  const words = value.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current === '') current = word;
    else if (current.length + 1 + word.length <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1];
  kept[maxLines - 1] = `${last.length + 1 > width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

/** Roughly how wide a text is in a sans-serif of the size given; enough to make room for labels. */
function textWidth(value: string, size: number): number {
  return value.length * size * 0.58;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

interface TextStyle {
  size: number;
  weight?: 'bold';
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
  rotate?: { x: number; y: number };
}

function text(x: number, y: number, value: string, style: TextStyle): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${style.size}"`,
    `fill="${style.fill ?? COLOURS.text}"`,
    style.weight === undefined ? '' : `font-weight="${style.weight}"`,
    style.anchor === undefined || style.anchor === 'start' ? '' : `text-anchor="${style.anchor}"`,
    style.rotate === undefined ? '' : `transform="rotate(-90 ${round(style.rotate.x)} ${round(style.rotate.y)})"`,
  ].filter((attribute) => attribute !== '');
  return `<text ${attributes.join(' ')}>${escape(value)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, style: { stroke: string; width: number; dash?: string }): string {
  return (
    `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${style.stroke}" stroke-width="${style.width}"` +
    `${style.dash === undefined ? '' : ` stroke-dasharray="${style.dash}"`}/>`
  );
}

function polyline(points: [number, number][], style: { stroke: string; width: number; dash?: string }): string {
  return (
    `<polyline points="${points.map(([px, py]) => `${round(px)},${round(py)}`).join(' ')}" fill="none" stroke="${style.stroke}" ` +
    `stroke-width="${style.width}" stroke-linejoin="round" stroke-linecap="round"${style.dash === undefined ? '' : ` stroke-dasharray="${style.dash}"`}/>`
  );
}

function circle(cx: number, cy: number, r: number, fill: string, stroke: string): string {
  return `<circle cx="${round(cx)}" cy="${round(cy)}" r="${r}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`;
}

function diamond(cx: number, cy: number, r: number, fill: string): string {
  const points = [
    [cx, cy - r],
    [cx + r, cy],
    [cx, cy + r],
    [cx - r, cy],
  ];
  return `<polygon points="${points.map(([px, py]) => `${round(px)},${round(py)}`).join(' ')}" fill="${fill}" stroke="#ffffff" stroke-width="1"/>`;
}
