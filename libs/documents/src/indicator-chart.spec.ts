import { formatSwedishNumber, hasChartData, indicatorChartDescription, indicatorChartSvg, renderIndicatorChartPng, yScale } from './indicator-chart';
import { actual, BEHORIGHET, behorighet, betygspoang, bistand, BETYGSPOANG, forskollarare, genomforande, GENOMFORANDE_STATES, target } from './testing/goal-report.factory';

/** The texts of the SVG's <text> elements, unescaped, in order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    match[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'),
  );
}

const count = (haystack: string, needle: string | RegExp) => haystack.split(needle).length - 1;
const ACTUAL_LINE = /<polyline [^>]*stroke="#1f5fa8"/g;
const TARGET_LINE = /<polyline [^>]*stroke="#c8641e"[^>]*stroke-dasharray/g;

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('formatSwedishNumber', () => {
  it('writes a decimal comma, a space between thousands and a true minus sign', () => {
    expect(formatSwedishNumber(14.2, 1)).toBe('14,2');
    expect(formatSwedishNumber(14, 1)).toBe('14,0');
    expect(formatSwedishNumber(26946, 0)).toBe('26\u00a0946');
    expect(formatSwedishNumber(-3.5, 1)).toBe('\u22123,5');
    expect(formatSwedishNumber(0.125, 2)).toBe('0,13');
  });
});

describe('yScale', () => {
  it('fits the axis to values far from zero, so that small changes show', () => {
    expect(yScale([211, 213, 212, 213, 204, 214, 215, 216, 220], 0)).toEqual({ min: 200, max: 220, ticks: [200, 205, 210, 215, 220], decimals: 0 });
  });

  it('starts at zero when the values spread more than they lie from it', () => {
    const scale = yScale([92, 214, 216, 220, 240, 270], 0);
    expect(scale.min).toBe(0);
    expect(scale.max).toBeGreaterThanOrEqual(270);
  });

  it('gives a single value room around it, and an all-zero series an axis from 0 in whole steps', () => {
    const single = yScale([86], 0);
    expect(single.min).toBeLessThan(86);
    expect(single.max).toBeGreaterThan(86);
    expect(yScale([0, 0], 0)).toEqual({ min: 0, max: 1, ticks: [0, 1], decimals: 0 });
  });

  it('spans negative values and zero', () => {
    const scale = yScale([-2.5, 1.25, 0], 1);
    expect(scale.min).toBeLessThanOrEqual(-2.5);
    expect(scale.max).toBeGreaterThanOrEqual(1.25);
    expect(scale.ticks).toContain(0);
    const negative = yScale([-40, -35], 0);
    // Fitted to them, as they lie further from zero than they spread.
    expect(negative.max).toBeGreaterThanOrEqual(-35);
    expect(negative.max).toBeLessThan(0);
    expect(negative.min).toBeLessThanOrEqual(-40);
  });

  it('gives tick labels the decimals their step needs', () => {
    const scale = yScale([13.1, 14.3, 13.5, 14.2], 1);
    expect(scale.ticks).toEqual([13, 13.5, 14, 14.5]);
    expect(scale.decimals).toBe(1);
  });
});

describe('the chart of "Genomsnittlig betygspoäng"', () => {
  const svg = indicatorChartSvg(betygspoang());
  const labels = texts(svg);

  it('is titled with the indicator\'s name, wrapped', () => {
    const title = [...svg.matchAll(/<text [^>]*font-weight="bold"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(title).toEqual(['Genomsnittlig betygspoäng gymnasiets avgångselever åk 3', '(max=20)']);
    expect(svg).toContain(`<title>${BETYGSPOANG}</title>`);
  });

  it('has a legend "Utfall" and "Målvärde", and says which direction is better', () => {
    expect(labels).toEqual(expect.arrayContaining(['Utfall', 'Målvärde', 'Högre värde är bättre']));
    expect(labels).not.toContain('Preliminärt');
  });

  it('labels every year from the first actual value to the last target, the year without a target too', () => {
    const years = labels.filter((label) => /^\d{4}$/.test(label));
    expect(years).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  });

  it('writes the y-axis and the points in Swedish, with a decimal comma, and gives the unit and the source', () => {
    expect(labels).toEqual(expect.arrayContaining(['13,0', '13,5', '14,0', '14,5']));
    expect(labels).toEqual(expect.arrayContaining(['14,2', '13,1', '13,8', '14,3']));
    expect(labels.filter((label) => /\d\.\d/.test(label))).toEqual([]);
    expect(labels).toContain('poäng');
    expect(labels[labels.length - 1]).toBe('Källa: Kolada');
  });

  it('draws the actual values as one line with a point each, and the targets as diamonds on dashed lines broken where a year has none', () => {
    expect(count(svg, ACTUAL_LINE)).toBe(1);
    expect(count(svg, '<circle ')).toBe(5 + 1);
    // 2021–2023 is one run; 2025, after the missing 2024, stands alone.
    expect(count(svg, TARGET_LINE)).toBe(1);
    expect(count(svg, '<polygon ')).toBe(4 + 1);
  });
});

describe('charts of unusual series', () => {
  it('breaks the line where a value is missing', () => {
    const svg = indicatorChartSvg(bistand({ actuals: [actual(2018, 602), actual(2019, 628), actual(2020, null), actual(2021, 431), actual(2022, 397)] }));
    expect(count(svg, ACTUAL_LINE)).toBe(2);
    expect(count(svg, '<circle ')).toBe(4 + 1);
    expect(texts(svg)).toContain('2020');
  });

  it('marks a preliminary value with an open point and says so in the legend', () => {
    const svg = indicatorChartSvg(forskollarare());
    expect(texts(svg)).toContain('Preliminärt');
    expect(svg).toMatch(/<circle [^>]*fill="#ffffff" stroke="#1f5fa8"/);
  });

  it('says that data is missing when no value is a number, and has no legend for what is not drawn', () => {
    const series = bistand({ actuals: [actual(2018, null), actual(2019, null)], targets: [target(2021, null, { display: '≥ föreg. år' })] });
    const svg = indicatorChartSvg(series);
    expect(texts(svg)).toEqual(expect.arrayContaining(['Uppgifter saknas', '2018', '2019', '2020', '2021']));
    expect(texts(svg)).not.toContain('Utfall');
    expect(texts(svg)).not.toContain('Målvärde');
    expect(svg).not.toContain('<polyline');
    expect(renderIndicatorChartPng(series).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('draws a single value as a point without a line', () => {
    const svg = indicatorChartSvg(bistand({ actuals: [actual(2021, 86)], targets: [] }));
    expect(count(svg, '<circle ')).toBe(2);
    expect(svg).not.toContain('<polyline');
    expect(texts(svg).filter((label) => /^\d{4}$/.test(label))).toEqual(['2021']);
  });

  it('draws negative values with a zero line and minus signs', () => {
    const svg = indicatorChartSvg(
      bistand({ decimals: 1, actuals: [actual(2020, -2.5, { decimals: 1 }), actual(2021, 1.5, { decimals: 1 }), actual(2022, 0, { decimals: 1 })], targets: [] }),
    );
    expect(texts(svg)).toEqual(expect.arrayContaining(['\u22122,5', '1,5', '0,0']));
    expect(svg).toMatch(/<line [^>]*stroke="#404040" stroke-width="1.2"\/>/);
  });

  it('wraps a long name over lines, and cuts it after three', () => {
    const name = Array.from({ length: 40 }, (_, index) => `ord${index}`).join(' ');
    const titleLines = texts(indicatorChartSvg(bistand({ name }))).slice(0, 3);
    const svg = indicatorChartSvg(bistand({ name }));
    expect(count(svg, 'font-weight="bold"')).toBe(3);
    expect(titleLines[0].startsWith('ord0 ord1')).toBe(true);
    expect(titleLines[2].endsWith('…')).toBe(true);
  });

  it('escapes the characters XML reserves', () => {
    const svg = indicatorChartSvg(bistand({ name: 'Vatten & avlopp <kWh>', unit: 'kWh/m²', source: 'Källa: "Kolada"' }));
    expect(svg).toContain('Vatten &amp; avlopp &lt;kWh&gt;');
    expect(texts(svg)).toEqual(expect.arrayContaining(['Vatten & avlopp <kWh>', 'Källa: "Kolada"']));
    expect(renderIndicatorChartPng(bistand({ name: 'Vatten & avlopp <kWh>' })).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });
});

describe('renderIndicatorChartPng', () => {
  it('renders a PNG of 1280 × 640 pixels by default', () => {
    const png = renderIndicatorChartPng(betygspoang());
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 1280, height: 640 });
  });

  it('renders the size asked for, half as high as wide when only the width is given', () => {
    expect(pngSize(renderIndicatorChartPng(betygspoang(), { width: 800, height: 500 }))).toEqual({ width: 800, height: 500 });
    expect(pngSize(renderIndicatorChartPng(betygspoang(), { width: 600 }))).toEqual({ width: 600, height: 300 });
  });

  it('draws on a white background, with the lines in colour', () => {
    const svg = indicatorChartSvg(betygspoang(), { width: 600 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="600" height="300" viewBox="0 0 640 320"/);
    expect(svg).toContain('fill="#ffffff"/>');
  });

  it('refuses a size it cannot draw in', () => {
    expect(() => renderIndicatorChartPng(betygspoang(), { width: 20 })).toThrow(RangeError);
    expect(() => renderIndicatorChartPng(betygspoang(), { width: Number.NaN })).toThrow(RangeError);
  });
});

describe('indicatorChartDescription', () => {
  it('gives the values as the table prints them, for the chart\'s alternative text', () => {
    expect(indicatorChartDescription(forskollarare())).toBe(
      'Diagram över Andel personal inom förskolan med förskollärarlegitimation (%). ' +
        'Utfall 2018: 35%, 2019: 34%, 2020: 37%, 2021: 37%, 2022: 41% (preliminärt). Målvärde 2021: 40%, 2022: 40%, 2023: 42%, 2025: 50%.',
    );
  });
});

describe('charts of other frameworks\' indicators', () => {
  it('draws an ordinal indicator with its states as the steps of the y-axis, named by their labels, and no numbers', () => {
    const svg = indicatorChartSvg(genomforande());
    expect(texts(svg)).toEqual(expect.arrayContaining(GENOMFORANDE_STATES));
    expect(texts(svg)).not.toContain('Uppgifter saknas');
    expect(texts(svg).filter((label) => /^\d{1,3}([,.]\d+)?$/.test(label))).toEqual([]);
    expect(count(svg, ACTUAL_LINE)).toBe(1);
    expect(renderIndicatorChartPng(genomforande()).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('draws a parent without values of its own as its sub-measures, one line each, named in a legend', () => {
    const svg = indicatorChartSvg(behorighet());
    expect(texts(svg)).toEqual(expect.arrayContaining([BEHORIGHET, 'Flickor', 'Pojkar', 'Målvärde', '2020', '2023']));
    expect(texts(svg)).not.toContain('Uppgifter saknas');
    expect(count(svg, /<polyline /g)).toBe(2);
    expect(renderIndicatorChartPng(behorighet()).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('has data to draw only where a value or target is a number or a state, its own or its sub-measures\'', () => {
    expect(hasChartData(genomforande())).toBe(true);
    expect(hasChartData(behorighet())).toBe(true);
    expect(hasChartData(bistand({ actuals: [actual(2018, null)], targets: [target(2021, null, { display: 'ej fastställt' })] }))).toBe(false);
    expect(hasChartData(behorighet({ subMeasures: [] }))).toBe(false);
  });
});
