import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';

/*
 * On a phone a table becomes one card per row, each value with its column's name before it
 * (style.css: table.reflow and data-label), so no cell is ever off screen. The templates' own
 * tables write their labels themselves; the tables editors write in a text get theirs here, from
 * the table's header row.
 */

const isElement = (node: ElementContent | Root): node is Element => node.type === 'element';
const isCell = (node: ElementContent): node is Element => isElement(node) && (node.tagName === 'td' || node.tagName === 'th');

/** The rows of a table, in order, with the part each is in. */
function rows(table: Element): { row: Element; part: string }[] {
  return table.children.filter(isElement).flatMap((child) =>
    child.tagName === 'tr' ? [{ row: child, part: 'tbody' }] : child.children.filter(isElement).filter((row) => row.tagName === 'tr').map((row) => ({ row, part: child.tagName })),
  );
}

/** The header row: the first row of the table's head, else a first row of header cells only. */
function headerRow(table: Element): Element | undefined {
  const all = rows(table);
  const head = all.find(({ part }) => part === 'thead');
  if (head) return head.row;
  const first = all[0]?.row;
  const cells = first?.children.filter(isCell) ?? [];
  return cells.length > 0 && cells.every((cell) => cell.tagName === 'th') ? first : undefined;
}

/** Each column's name, one per column a cell spans. */
function columnNames(header: Element): string[] {
  return header.children.filter(isCell).flatMap((cell) => {
    const span = Math.max(1, Number(cell.properties.colSpan ?? 1) || 1);
    return new Array<string>(span).fill(toString(cell).replace(/\s+/g, ' ').trim());
  });
}

function labelRow(row: Element, names: readonly string[]): Element {
  let column = 0;
  return {
    ...row,
    children: row.children.map((child) => {
      if (!isCell(child)) return child;
      const name = names[column];
      column += Math.max(1, Number(child.properties.colSpan ?? 1) || 1);
      return name ? { ...child, properties: { ...child.properties, dataLabel: name } } : child;
    }),
  };
}

function labelTable(table: Element): Element {
  const header = headerRow(table);
  const names = header ? columnNames(header) : [];
  const label = (node: Element): Element => (node.tagName === 'tr' && node !== header ? labelRow(node, names) : node);
  const className = [...((table.properties.className as string[] | undefined) ?? []), 'reflow'];
  return {
    ...table,
    properties: { ...table.properties, className },
    children: table.children.map((child) => {
      if (!isElement(child)) return child;
      if (child.tagName === 'tr') return label(child);
      return { ...child, children: child.children.map((row) => (isElement(row) ? label(row) : row)) };
    }),
  };
}

/** A placed body with every table of it made to reflow on a phone; copies only what it changes. */
export function reflowTables<T extends Root | Element>(tree: T): T {
  const visit = (node: Element): Element => {
    if (node.tagName === 'table') return labelTable(node);
    if (!node.children.some(isElement)) return node;
    return { ...node, children: node.children.map((child) => (isElement(child) ? visit(child) : child)) };
  };
  return { ...tree, children: (tree.children as ElementContent[]).map((child) => (isElement(child) ? visit(child) : child)) } as T;
}
