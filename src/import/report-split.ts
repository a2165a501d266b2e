import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { isBlockTable } from './docx.js';
import { isPlainParagraph, plainText } from './markdown-text.js';
import { sentences } from './sentences.js';

/*
 * An annual report's text divided the way verksam stores it: what comes before the first goal
 * is the report's introduction; each "Mål 3" (a heading or a line of its own) starts a goal; the
 * organisation's own section names (site.yaml report.sections) start its sections. The goal's
 * statement is the rest of its heading line, or else the first sentence after it. Nothing is
 * dropped: every block lands in the introduction, a goal's background or one of its sections.
 */

export interface ReportSections {
  /** site.yaml report.sections, in the organisation's order. */
  sections: readonly string[];
  indicatorSection: string;
}

export interface GoalDraft {
  number: number;
  statement: string;
  /** The statement's paragraph had links or emphasis, which a statement (plain text) cannot keep. */
  statementLostFormatting: boolean;
  /** Text before the first section: the goal's background. */
  intro: RootContent[];
  /** The sections found, in the organisation's order. */
  sections: { title: string; blocks: RootContent[] }[];
  /** Sections the source has in another order than the organisation's. */
  reordered: boolean;
  /** Items of the indicator section's lists: one indicator each, word for word. */
  indicators: string[];
}

export interface ReportDraft {
  /** A line such as "Verksamhetsberättelse 2019" before everything else. */
  title?: string;
  /** The year in that line. */
  year?: number;
  intro: RootContent[];
  goals: GoalDraft[];
}

const same = (a: string, b: string) => a.localeCompare(b, 'sv', { sensitivity: 'accent' }) === 0;

/** A block that is a line of its own: a heading, or a paragraph without a line break. */
function lineOf(node: RootContent): string | undefined {
  if (node.type === 'heading') return plainText(node);
  if (node.type !== 'paragraph' || node.children.some((child) => child.type === 'break')) return undefined;
  const text = plainText(node);
  return text.length <= 300 && !/\n/.test(text) ? text : undefined;
}

/** "Mål 3", "Mål 3: Statement", "MÅL 3." as [number, statement]; a heading may also run on ("Mål 3 Statement"). */
export function goalLine(node: RootContent): { number: number; statement: string } | undefined {
  // "1. Mål: …" in a text file, or a goal heading Word numbers itself: a one-item numbered list
  if (node.type === 'list' && node.ordered && node.children.length === 1 && node.children[0]!.children.length === 1) {
    const item = lineOf(node.children[0]!.children[0] as RootContent);
    const match = item === undefined ? null : /^mål\b\s*(?:[:.–—-]\s*(.*))?$/iu.exec(item);
    if (match) return { number: node.start ?? 1, statement: (match[1] ?? '').trim() };
    return undefined;
  }
  const line = lineOf(node);
  if (line === undefined) return undefined;
  const numberFirst = /^(\d{1,3})[.)]?\s+mål\b\s*(?:[:.–—-]\s*(.*))?$/iu.exec(line);
  if (numberFirst) return { number: Number(numberFirst[1]), statement: (numberFirst[2] ?? '').trim() };
  const match = /^mål\s*(?:nr\.?\s*)?(\d{1,3})(?:\s*$|\s*[:.–—-]\s*(.*)$|\s+(.*)$)/iu.exec(line);
  if (!match) return undefined;
  const statement = (match[2] ?? (node.type === 'heading' ? match[3] : undefined) ?? '').trim();
  if (match[3] !== undefined && node.type !== 'heading') return undefined;
  return { number: Number(match[1]), statement };
}

/** The organisation's section name that the block is a line of ("Aktiviteter", "Uppföljning:"). */
export function sectionLine(node: RootContent, names: readonly string[]): string | undefined {
  const line = lineOf(node);
  if (line === undefined) return undefined;
  const words = line.replace(/[:.]\s*$/, '').trim();
  return names.find((name) => same(name, words));
}

/** Whether a block is a report heading (a goal or a section line): never a list item. */
export const isReportHeading = (settings: ReportSections) => (node: RootContent) => goalLine(node) !== undefined || sectionLine(node, settings.sections) !== undefined;

export function splitReport(tree: Root, settings: ReportSections): ReportDraft {
  const draft: ReportDraft = { intro: [], goals: [] };
  let goal: GoalDraft | undefined;
  let section: { title: string; blocks: RootContent[] } | undefined;
  const found: string[] = [];
  for (const [index, node] of tree.children.entries()) {
    const isGoal = goalLine(node);
    if (isGoal) {
      goal = { number: isGoal.number, statement: isGoal.statement, statementLostFormatting: false, intro: [], sections: [], reordered: false, indicators: [] };
      draft.goals.push(goal);
      section = undefined;
      found.length = 0;
      continue;
    }
    if (!goal) {
      const title = index === 0 ? titleLine(node) : undefined;
      if (title) Object.assign(draft, title);
      else draft.intro.push(demote(node, 2));
      continue;
    }
    const name = sectionLine(node, settings.sections);
    if (name) {
      section = goal.sections.find((existing) => existing.title === name);
      if (!section) {
        if (found.length > 0 && settings.sections.indexOf(name) < settings.sections.indexOf(found.at(-1)!)) goal.reordered = true;
        found.push(name);
        section = { title: name, blocks: [] };
        goal.sections.push(section);
      }
      continue;
    }
    if (!section && !goal.statement) {
      takeStatement(goal, node);
      continue;
    }
    (section ? section.blocks : goal.intro).push(demote(node, 3));
  }
  for (const each of draft.goals) {
    each.sections.sort((a, b) => settings.sections.indexOf(a.title) - settings.sections.indexOf(b.title));
    const indicators = each.sections.find((candidate) => same(candidate.title, settings.indicatorSection));
    if (indicators) takeIndicators(each, indicators);
  }
  return draft;
}

/** "Verksamhetsberättelse 2019": a heading or short line with a year, first in the document. */
function titleLine(node: RootContent): { title: string; year: number } | undefined {
  const line = lineOf(node);
  const year = line === undefined ? undefined : /\b(19\d\d|20\d\d)\b/.exec(line)?.[1];
  if (line === undefined || year === undefined || line.length > 100 || /[.!?]$/.test(line)) return undefined;
  return { title: line, year: Number(year) };
}

/** The first sentence of the goal's first paragraph is its statement; the rest stays as background. */
function takeStatement(goal: GoalDraft, node: RootContent): void {
  if (node.type !== 'paragraph') {
    goal.statement = plainText(node);
    goal.statementLostFormatting = node.type !== 'heading';
    if (!goal.statement) goal.intro.push(node);
    return;
  }
  if (!isPlainParagraph(node)) {
    goal.statement = plainText(node);
    goal.statementLostFormatting = true;
    return;
  }
  const [first, ...rest] = sentences(plainText(node));
  goal.statement = first ?? '';
  if (rest.length > 0) goal.intro.push({ type: 'paragraph', children: [{ type: 'text', value: rest.join(' ') }] } satisfies Paragraph);
}

/** Lists of plain items in the indicator section become indicators; everything else stays as text. */
function takeIndicators(goal: GoalDraft, section: { blocks: RootContent[] }): void {
  section.blocks = section.blocks.filter((block) => {
    if (block.type === 'list' && block.children.every((item) => item.children.length === 1 && isPlainParagraph(item.children[0]!))) {
      goal.indicators.push(...block.children.map((item) => plainText(item)));
      return false;
    }
    if (isBlockTable(block) && block.data.cellItems.length > 0 && block.data.cellItems.every((items) => items.length > 0) && !hasOtherCellText(block)) {
      goal.indicators.push(...block.data.cellItems.flat());
      return false;
    }
    return true;
  });
}

/** Whether a table's cells hold words besides their lists (which indicators would lose). */
function hasOtherCellText(table: { value: string; data: { cellItems: string[][] } }): boolean {
  const all = plainText({ type: 'html', value: table.value }).replace(/\s+/g, '');
  return all !== table.data.cellItems.flat().join('').replace(/\s+/g, '');
}

/** Headings inside a goal go below its sections (###), inside the introduction below the page title (##). */
function demote(node: RootContent, depth: Heading['depth']): RootContent {
  return node.type === 'heading' && node.depth < depth ? { ...node, depth } : node;
}
