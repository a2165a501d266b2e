import { isCalendarDate } from '../commands/new.js';

/*
 * A date written in a news item's text ("den 5 maj 2021", "2021-05-05", "5/5 2021"): what the importer may
 * use as the item's date, marked as found. A day without a year ("den 5 maj") is not a date;
 * it is shown to the editor as a hint.
 */

const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const monthPattern = months.join('|');

export type FoundDate = { date: string; words: string } | { hint: string } | undefined;

export function findDate(text: string): FoundDate {
  for (const iso of text.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) if (isCalendarDate(iso[0])) return { date: iso[0], words: iso[0] };
  for (const written of text.matchAll(new RegExp(`\\b(\\d{1,2})(?::e|:a)?\\s+(${monthPattern})\\s+(\\d{4})\\b`, 'giu'))) {
    const date = `${written[3]}-${String(months.indexOf(written[2]!.toLowerCase()) + 1).padStart(2, '0')}-${written[1]!.padStart(2, '0')}`;
    if (isCalendarDate(date)) return { date, words: written[0] };
  }
  // "5/5 2021", "5/5-2021": day first, as Swedish writes it
  for (const numeric of text.matchAll(/\b(\d{1,2})\/(\d{1,2})(?:\s+|-)(\d{4})\b/g)) {
    const date = `${numeric[3]}-${numeric[2]!.padStart(2, '0')}-${numeric[1]!.padStart(2, '0')}`;
    if (isCalendarDate(date)) return { date, words: numeric[0] };
  }
  const day = new RegExp(`\\b(?:den\\s+)?\\d{1,2}(?::e|:a)?\\s+(?:${monthPattern})\\b`, 'iu').exec(text);
  return day ? { hint: day[0] } : undefined;
}
