import { SaxesParser } from 'saxes';

/** An element as a strict XML parser read it: its text is the text directly inside it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/** Parses XML strictly (saxes, with namespaces); returns the errors and the elements seen, in document order. */
export function parseXml(xml: string): { errors: string[]; elements: XmlElement[] } {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  const elements: XmlElement[] = [];
  const open: XmlElement[] = [];
  parser.on('error', (error) => errors.push(error.message));
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([name, attribute]) => [name, typeof attribute === 'string' ? attribute : attribute.value]));
    const element = { name: tag.name, attributes, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (text) => {
    if (open.length) open[open.length - 1]!.text += text;
  });
  parser.on('cdata', (text) => {
    if (open.length) open[open.length - 1]!.text += text;
  });
  parser.on('closetag', () => open.pop());
  parser.write(xml).close();
  return { errors, elements };
}
