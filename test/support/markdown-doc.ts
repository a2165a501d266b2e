/*
 * Reading the project's own Markdown documents (README.md, docs/redaktorsguide.md) the way a
 * reader does: by section and by code block, so tests can hold their examples to the real thing.
 */

export interface CodeBlock {
  /** The fence's language, "" when none. */
  lang: string;
  text: string;
  /** The paragraph just before the fence: where the document says what the example is. */
  intro: string;
}

/** The text of the section whose heading (at `level`) starts with `heading`, up to the next heading of that level or higher. */
export function section(markdown: string, heading: string, level = 3): string | undefined {
  const marks = '#'.repeat(level);
  const start = markdown.indexOf(`\n${marks} ${heading}`);
  if (start < 0) return undefined;
  const rest = markdown.slice(start + 1);
  const end = rest.slice(1).search(new RegExp(`\\n#{1,${level}} `));
  return end < 0 ? rest : rest.slice(0, end + 1);
}

/** Every fenced code block, in order, with the paragraph before it. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split('\n');
  let paragraph: string[] = [];
  let ended = false;
  for (let index = 0; index < lines.length; index++) {
    const open = /^```(\S*)/.exec(lines[index]!);
    if (!open) {
      // a blank line ends the paragraph, which stays the intro until the next one starts
      if (lines[index]!.trim() === '') ended = true;
      else {
        paragraph = ended ? [lines[index]!] : [...paragraph, lines[index]!];
        ended = false;
      }
      continue;
    }
    const body: string[] = [];
    for (index++; index < lines.length && !lines[index]!.startsWith('```'); index++) body.push(lines[index]!);
    blocks.push({ lang: open[1]!, text: `${body.join('\n')}\n`, intro: paragraph.join('\n') });
    paragraph = [];
    ended = false;
  }
  return blocks;
}

/** The document without its fenced code blocks: the prose a reader is told. */
export function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
