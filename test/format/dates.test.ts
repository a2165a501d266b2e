import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber, formatPartialDate } from '../../src/format/dates.js';

const run = promisify(execFile);
const datesModule = fileURLToPath(new URL('../../src/format/dates.ts', import.meta.url));

const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** Dates around which a machine's time zone could move a day: DST changes, year ends, leap day. */
const edgeDates = [
  '2021-03-28', // Swedish DST starts
  '2021-10-31', // Swedish DST ends
  '2021-03-14', // US DST starts
  '2021-11-07', // US DST ends
  '2020-02-29',
  '2019-12-31',
  '2020-01-01',
  '2021-05-05',
  '2021-06-30',
];
const expectedEdge = ['28 mars 2021', '31 oktober 2021', '14 mars 2021', '7 november 2021', '29 februari 2020', '31 december 2019', '1 januari 2020', '5 maj 2021', '30 juni 2021'];

describe('formatDate', () => {
  it('writes "2021-05-05" as "5 maj 2021"', () => {
    expect(formatDate('2021-05-05')).toBe('5 maj 2021');
  });

  it('names all twelve months in Swedish, lowercase, day without a leading zero', () => {
    months.forEach((month, index) => {
      const mm = String(index + 1).padStart(2, '0');
      expect(formatDate(`2019-${mm}-01`)).toBe(`1 ${month} 2019`);
      expect(formatDate(`2019-${mm}-09`)).toBe(`9 ${month} 2019`);
    });
  });

  it('keeps the first and last day of the month', () => {
    expect(formatDate('2021-01-31')).toBe('31 januari 2021');
    expect(formatDate('2021-12-01')).toBe('1 december 2021');
  });

  it('formats dates on DST changes and year ends as the same calendar day', () => {
    expect(edgeDates.map(formatDate)).toEqual(expectedEdge);
  });

  it('gives the same day whatever the machine time zone is', async () => {
    const script = `import { formatDate, formatPartialDate } from ${JSON.stringify(datesModule)};
      console.log(JSON.stringify([...${JSON.stringify(edgeDates)}.map(formatDate), formatPartialDate('2019-09'), formatPartialDate('2021-03-28')]));`;
    const zones = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Adak', 'Europe/Stockholm', 'UTC', 'Asia/Kolkata'];
    const outputs = await Promise.all(
      zones.map(async (zone) => {
        const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          env: { ...process.env, TZ: zone },
          cwd: fileURLToPath(new URL('../..', import.meta.url)),
        });
        return [zone, JSON.parse(stdout)] as const;
      }),
    );
    for (const [zone, output] of outputs) {
      expect(output, zone).toEqual([...expectedEdge, 'september 2019', '28 mars 2021']);
    }
  });
});

describe('formatPartialDate', () => {
  it('writes a year as the year', () => {
    expect(formatPartialDate('2016')).toBe('2016');
  });

  it('writes a month as "september 2019"', () => {
    expect(formatPartialDate('2019-09')).toBe('september 2019');
    expect(formatPartialDate('2016-01')).toBe('januari 2016');
    expect(formatPartialDate('2016-12')).toBe('december 2016');
  });

  it('writes a full date like formatDate', () => {
    expect(formatPartialDate('2019-09-30')).toBe('30 september 2019');
    expect(formatPartialDate('2021-10-31')).toBe(formatDate('2021-10-31'));
  });
});

describe('formatNumber', () => {
  // Intl writes Swedish thousands with a no-break space (U+00A0) or narrow no-break space (U+202F)
  const space = /^[\u00a0\u202f]$/;

  it('groups thousands with a no-break space: 255680 → "255 680"', () => {
    const text = formatNumber(255680);
    expect(text.replace(/[\u00a0\u202f]/g, ' ')).toBe('255 680');
    expect(text[3]).toMatch(space);
    expect(text).not.toContain(' ');
  });

  it('groups millions', () => {
    expect(formatNumber(1234567).replace(/[\u00a0\u202f]/g, ' ')).toBe('1 234 567');
  });

  it('writes decimals with a comma: 4.3 → "4,3"', () => {
    expect(formatNumber(4.3)).toBe('4,3');
    expect(formatNumber(0.5)).toBe('0,5');
  });

  it('rounds to at most two decimals', () => {
    expect(formatNumber(1234.567).replace(/[\u00a0\u202f]/g, ' ')).toBe('1 234,57');
    expect(formatNumber(2)).toBe('2');
  });

  it('writes a four-digit number as a whole number, never with a comma', () => {
    expect(formatNumber(2500)).toMatch(/^2[\u00a0\u202f]?500$/);
    expect(formatNumber(2500)).not.toContain(',');
  });

  it('writes minus as a hyphen-minus, so screen readers say "minus"', () => {
    expect(formatNumber(-5)).toBe('-5');
    expect(formatNumber(-4.3)).toBe('-4,3');
    expect(formatNumber(-1200.5)).not.toContain('\u2212');
  });
});
