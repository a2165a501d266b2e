/*
 * Dates in content are calendar dates (ÅÅÅÅ-MM-DD) in Europe/Stockholm. They are formatted
 * from their parts, at noon UTC, so no machine time zone can move them to another day.
 */

const dayFormat = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });
const monthFormat = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });

function noon(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day, 12));
}

/** The calendar date in Sweden now (or at `now`), ÅÅÅÅ-MM-DD. */
export function todayInSweden(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "2021-05-05" → "5 maj 2021". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dayFormat.format(noon(year, month, day));
}

/** "2019", "2019-09" or "2019-09-30" → "2019", "september 2019" or "30 september 2019". */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number?, number?];
  if (month === undefined) return String(year);
  if (day === undefined) return monthFormat.format(noon(year, month, 1));
  return dayFormat.format(noon(year, month, day));
}

/** Numbers the Swedish way: "255 680", "4,3"; a hyphen-minus so screen readers say "minus". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 }).format(value).replace(/\u2212/g, '-');
}
