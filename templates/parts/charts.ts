import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';

/*
 * Bar charts as inline SVG. Each chart is an image with a title and a description that say
 * everything it shows in words (screen readers read those), and every bar has its label and
 * value written beside it as text, so nothing depends on colour or on seeing the bar's length.
 * The numbers are also in a data table next to the chart. Bars are sized in per cent of the
 * chart's width and the text in CSS pixels, so the chart fits a phone without shrinking its text.
 */

export interface Bar {
  /** What the bar is: "Uppfyllt", "2019", "Besökare i testrummet". */
  label: string;
  value: number;
  /** The value as text, formatted the Swedish way: "2 500 personer". */
  valueText: string;
  /** Extra class for the bar (its colour), e.g. "chart__bar--uppfyllt". */
  className?: string;
  /** A symbol before the label (the goal statuses' ✓ ◐ ✗ →), hidden from screen readers. */
  symbol?: string;
}

export interface ChartProps {
  /** Unique on the page: the chart's title and description get ids from it. */
  id: string;
  title: string;
  /** The whole chart in words: every label and value. */
  description: string;
  bars: readonly Bar[];
}

/** Characters per line of a bar's label before it wraps (about 330 px at the chart's text size). */
const lineLength = 36;
const lineHeight = 20;
const barHeight = 14;
const rowGap = 14;

/** Splits a label into lines of at most `lineLength` characters, at spaces. */
export function wrapLabel(text: string, length = lineLength): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > length) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** A bar's width in per cent of the largest: a value above zero always shows a sliver. */
function percent(value: number, largest: number): number {
  if (largest <= 0 || value <= 0) return 0;
  return Math.max(0.5, Math.round((value / largest) * 1000) / 10);
}

/** A horizontal bar chart: one row per bar, the label and value above the bar. */
export function BarChart({ id, title, description, bars }: ChartProps): Element {
  const largest = Math.max(0, ...bars.map((bar) => bar.value));
  const children: ElementContent[] = [s('title', { id: `${id}-titel` }, title), s('desc', { id: `${id}-beskrivning` }, description)];
  let y = 0;
  for (const bar of bars) {
    const lines = wrapLabel(`${bar.label}: ${bar.valueText}`);
    const text = s(
      'text',
      { class: 'chart__label' },
      lines.map((line, index) => {
        const words: ElementContent[] = [];
        if (index === 0 && bar.symbol) words.push(s('tspan', { class: 'chart__symbol' }, `${bar.symbol} `));
        words.push({ type: 'text', value: line });
        return s('tspan', { x: '0', y: String(y + lineHeight * (index + 1) - 5) }, words);
      }),
    );
    y += lines.length * lineHeight + 2;
    const rect = s('rect', {
      class: ['chart__bar', bar.className ?? ''].join(' ').trim(),
      x: '0',
      y: String(y),
      width: `${percent(bar.value, largest)}%`,
      height: String(barHeight),
      rx: '2',
    });
    children.push(s('g', [text, rect]));
    y += barHeight + rowGap;
  }
  const height = Math.max(1, y - rowGap + 2);
  return h('figure', { class: 'chart' }, [
    h('figcaption', { class: 'chart__caption' }, title),
    s(
      'svg',
      {
        class: 'chart__svg',
        role: 'img',
        width: '100%',
        height: String(height),
        'aria-labelledby': `${id}-titel`,
        'aria-describedby': `${id}-beskrivning`,
      },
      children,
    ),
  ]);
}
