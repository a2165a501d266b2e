import type { Root } from 'hast';
import { rehypeContentImages, remarkImageAlt, type ImageFinding } from './body-images.js';
import rehypeRawWhenPresent from './raw-html.js';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { eachElement } from './walk.js';

/**
 * What content may contain after sanitising: GitHub's schema (no scripts, no event handlers,
 * only safe URL protocols, `action` included). `script` and `style` are stripped with their
 * text, otherwise CSS would leak into the page as text; `clobberPrefix` is empty because ids
 * are made unique per page later, and a prefix would break footnote links.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  strip: ['script', 'style'],
  // GitHub's schema allows `action` on every element without checking its protocol; a form
  // cannot be written in content, but no attribute of ours carries a javascript: URL.
  // tel: so that "ring oss" can be a link on a phone
  // srcSet (on <source>) likewise goes unchecked there: each of its candidates must be http(s) or relative
  protocols: { ...defaultSchema.protocols, href: [...(defaultSchema.protocols?.href ?? []), 'tel'], action: ['http', 'https'], srcSet: ['http', 'https'] },
};

/** Built and frozen once: configuration mistakes surface before any content is read. */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkImageAlt)
  .use(remarkRehype, {
    allowDangerousHtml: true,
    footnoteLabel: 'Fotnoter',
    footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
      `Tillbaka till hänvisning ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
  })
  .use(rehypeRawWhenPresent)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeSlug)
  .use(rehypeContentImages)
  .freeze();

/**
 * Markdown → sanitised hast. `markdown` keeps its position in the file (front matter blanked
 * out), so node positions are file lines.
 */
export function markdownToHast(markdown: string, path: string): Root {
  return parseMarkdown(markdown, path).tree;
}

/**
 * Markdown → sanitised hast, and what is wrong with its images (no alt text, say), located in
 * `markdown`. `contentPath`, the file's path in the content folder, is what `../bilder/x.jpg`
 * is resolved against.
 */
export function parseMarkdown(markdown: string, path: string, contentPath?: string): { tree: Root; findings: ImageFinding[] } {
  const file = new VFile({ path, value: markdown });
  if (contentPath !== undefined) file.data.contentPath = contentPath;
  const mdast = processor.parse(file);
  const tree = processor.runSync(mdast, file) as Root;
  markOrigin(tree, path);
  return { tree, findings: file.data.imageFindings ?? [] };
}

declare module 'hast' {
  interface ElementData {
    /** The content file an element came from, so a check on the final page can name it. */
    origin?: string;
  }
}

/** Links and images remember their file; with their position that names file:line. */
function markOrigin(tree: Root, path: string): void {
  eachElement(tree, (node) => {
    if (!('href' in node.properties || 'src' in node.properties)) return;
    // hast-util-from-parse5 declares ElementData.position as required; ours may lack it.
    node.data = { ...node.data, origin: path } as NonNullable<typeof node.data>;
  });
}
