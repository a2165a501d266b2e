import type { Nodes, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { plainText } from './markdown-text.js';

/*
 * What looks broken in the source text, for the migration report. Nothing here changes the
 * text: each finding is a guess the editor confirms or puts right by reading the sentence.
 */

export interface SourceFinding {
  kind: 'fused-words' | 'quote-dash' | 'vague-link' | 'flattened-list' | 'broken-table';
  /** The words concerned, quoted in the report. */
  excerpt: string;
}

/** Words that are written with a capital inside them on purpose. */
const capitalisedInside = new Set(['powerpoint', 'linkedin', 'javascript', 'wordpress', 'sharepoint', 'onedrive', 'youtube', 'facebook', 'iphone', 'ipad', 'mailchimp', 'teamviewer']);

/** A lower-case run, then a capital and lower case again, in one word: "ProjektetMotivation". */
const word = /\p{L}+/gu;
/** Fixed width, so a long run of letters (a pasted string without spaces) is scanned once, not cubed. */
const fusedJoint = /\p{Ll}{3}\p{Lu}\p{Ll}{2}/u;

/** Link texts that say nothing about where the link goes (Digg: the text should say it). */
const vagueLinkTexts = new Set(['här', 'klicka här', 'klicka', 'läs mer', 'läs mer här', 'länk', 'mer', 'mer info', 'mer information', 'tryck här']);

export function findSourceProblems(blocks: readonly RootContent[]): SourceFinding[] {
  const findings: SourceFinding[] = [];
  for (const block of blocks) {
    visit(block as Nodes, (node) => {
      if (node.type === 'text') {
        for (const match of node.value.matchAll(word)) {
          if (fusedJoint.test(match[0]) && !capitalisedInside.has(match[0].toLowerCase().replace(/s$/, ''))) findings.push({ kind: 'fused-words', excerpt: excerpt(match[0]) });
        }
      }
      if (node.type === 'link') {
        const words = plainText(node).toLowerCase().replace(/[.!:»«"”…>]+/g, '').trim();
        if (vagueLinkTexts.has(words)) findings.push({ kind: 'vague-link', excerpt: plainText(node) });
        return 'skip';
      }
      if (node.type === 'paragraph') {
        const text = plainText(node);
        if (/^[–—]\s*\S/.test(text)) findings.push({ kind: 'quote-dash', excerpt: excerpt(text) });
        if (/\|\s*-{3,}\s*\|/.test(text)) findings.push({ kind: 'broken-table', excerpt: excerpt(text) });
        const run = flattenedRun(text);
        if (run) findings.push({ kind: 'flattened-list', excerpt: excerpt(run) });
      }
      return undefined;
    });
  }
  return findings;
}

/**
 * After a colon, several capitalised words in a row with no full stop between them: the items
 * of a list pasted onto one line ("I år satsar vi på: Klimatanpassning i tillsynen Riktlinjer
 * för oljeavskiljare Uppföljning …"). Returns that stretch.
 */
export function flattenedRun(text: string): string | undefined {
  for (const match of text.matchAll(/:\s+([^.!?:]+)/g)) {
    const words = match[1]!.split(/\s+/);
    const starts = words.filter((word, index) => index > 0 && /^\p{Lu}\p{Ll}/u.test(word) && /^\p{Ll}+$/u.test(words[index - 1]!)).length;
    if (starts >= 3) return match[1]!.trim();
  }
  return undefined;
}

const excerpt = (text: string) => (text.length > 70 ? `${text.slice(0, 67).trimEnd()} …` : text);
