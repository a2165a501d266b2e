import { describe, expect, it } from 'vitest';
import { formatProgress, progressLine, ProgressLine } from '../../src/progress/progress-line.js';

const clear = '\r\x1b[2K';

/** A terminal that keeps what was written to it, with a clock the test moves. */
function terminal(columns = 80) {
  const writes: string[] = [];
  let time = 0;
  const stream = { isTTY: true, columns, write: (text: string) => writes.push(text) };
  return { stream, writes, now: () => time, at: (ms: number) => (time = ms) };
}

describe('formatProgress', () => {
  it('names the stage in Swedish, with counts grouped the Swedish way', () => {
    expect(formatProgress('read')).toBe('verksam: läser innehåll …');
    expect(formatProgress('read', 1234)).toBe('verksam: läser innehåll … 1\u00a0234 filer');
    expect(formatProgress('read', 1)).toBe('verksam: läser innehåll … 1 fil');
    expect(formatProgress('render', 3400, 10000)).toBe('verksam: renderar sidor 3\u00a0400/10\u00a0000');
    expect(formatProgress('search')).toBe('verksam: sökindex …');
    expect(formatProgress('pdf')).toBe('verksam: skriver ut PDF …');
    expect(formatProgress('write')).toBe('verksam: skriver filer …');
  });
});

describe('ProgressLine', () => {
  it('shows nothing for a build shorter than the delay, and then clears nothing', () => {
    const { stream, writes, now, at } = terminal();
    const line = new ProgressLine(stream, { now, delay: 500 });
    line.update('read');
    at(499);
    line.update('render', 1, 10);
    line.clear();
    expect(writes).toEqual([]);
  });

  it('rewrites one line in place, at most once per interval within a stage, and clears it at the end', () => {
    const { stream, writes, now, at } = terminal();
    const line = new ProgressLine(stream, { now, delay: 500, interval: 100 });
    at(500);
    line.update('render', 1, 10);
    at(550);
    line.update('render', 2, 10); // too soon after the last
    at(600);
    line.update('render', 3, 10);
    at(610);
    line.update('search'); // a new stage shows at once
    line.clear();
    expect(writes).toEqual([`${clear}verksam: renderar sidor 1/10`, `${clear}verksam: renderar sidor 3/10`, `${clear}verksam: sökindex …`, clear]);
    expect(writes.join('')).not.toContain('\n');
  });

  it('is never wider than the terminal', () => {
    const { stream, writes, now, at } = terminal(20);
    const line = new ProgressLine(stream, { now, delay: 0 });
    at(1);
    line.update('render', 3400, 10000);
    line.clear();
    const shown = writes[0]!.slice(clear.length);
    expect(shown).toBe('verksam: renderar s');
    expect(shown.length).toBeLessThan(20);
    expect(writes.at(-1)).toBe(clear);
  });

  it('takes 80 columns when the terminal does not know its width', () => {
    const { stream, writes, now, at } = terminal(0);
    const line = new ProgressLine(stream, { now, delay: 0 });
    at(1);
    line.update('render', 3400, 10000);
    expect(writes).toEqual([`${clear}verksam: renderar sidor 3\u00a0400/10\u00a0000`]);
  });
});

describe('progressLine', () => {
  const write = () => true;
  it('is there only on a terminal outside CI', () => {
    expect(progressLine({ isTTY: true, columns: 80, write }, {})).toBeInstanceOf(ProgressLine);
    expect(progressLine({ isTTY: true, columns: 80, write }, { CI: 'false' })).toBeInstanceOf(ProgressLine);
    expect(progressLine({ isTTY: true, columns: 80, write }, { CI: 'true' })).toBeUndefined();
    expect(progressLine({ isTTY: true, columns: 80, write }, { CI: '1' })).toBeUndefined();
    expect(progressLine({ isTTY: false, write }, {})).toBeUndefined();
    expect(progressLine({ write }, {})).toBeUndefined();
  });
});
