import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { VFileMessage } from 'vfile-message';
import { expect } from 'vitest';
import { ContentError } from '../../src/content/problems.js';

/*
 * Small content folders written to disk for one test each. Files are given by their path in
 * the content folder; the shapes follow the editor's guide in README.md.
 */

const created: string[] = [];

/** Writes a content folder under the system's temp folder and returns its absolute path. */
export async function writeSite(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'verksam-content-'));
  created.push(dir);
  for (const [path, text] of Object.entries(files)) {
    const absolute = join(dir, path);
    await mkdir(dirname(absolute), { recursive: true });
    await writeFile(absolute, text);
  }
  return dir;
}

/** Removes every folder writeSite made; call from afterEach/afterAll. */
export async function removeSites(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export const siteYaml = `organisation: Testförbundet
title: Testförbundet
description: En webbplats för tester.
baseUrl: https://test.example/
contact:
  email: info@test.example
`;

export function area(title: string, order: number): string {
  return `---\ntitle: ${title}\nsummary: Om ${title}.\norder: ${order}\n---\nBeskrivning av ${title}.\n`;
}

export function report(year: number): string {
  return `---\ntitle: Verksamhetsberättelse ${year}\npublished: ${year + 1}-03-31\n---\nInledning.\n`;
}

export function goal(fields: { number: number; area: string; status?: string; projects?: string[] }): string {
  const lines = [`number: ${fields.number}`, `area: ${fields.area}`, `statement: Mål ${fields.number}.`];
  if (fields.status) lines.push(`status: ${fields.status}`);
  if (fields.projects) lines.push(`projects: [${fields.projects.join(', ')}]`);
  return `---\n${lines.join('\n')}\n---\n## Aktiviteter\n\nA.\n\n## Indikatorer\n\nI.\n\n## Uppföljning\n\nU.\n`;
}

export function project(fields: { title: string; area: string; status?: string }): string {
  return `---\ntitle: ${fields.title}\narea: ${fields.area}\nsummary: Om ${fields.title}.\nstatus: ${fields.status ?? 'pagaende'}\n---\nText.\n`;
}

export function news(fields: { title: string; date: string; areas?: string[]; projects?: string[]; draft?: boolean }): string {
  const lines = [`title: "${fields.title}"`, `date: ${fields.date}`, `areas: [${(fields.areas ?? []).join(', ')}]`];
  if (fields.projects) lines.push(`projects: [${fields.projects.join(', ')}]`);
  lines.push('lead: Ingress.');
  if (fields.draft !== undefined) lines.push(`draft: ${fields.draft}`);
  return `---\n${lines.join('\n')}\n---\nBrödtext.\n`;
}

/** Runs `fn`, which must throw a ContentError, and returns that error. */
export async function contentError(fn: () => Promise<unknown>): Promise<ContentError> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return error as ContentError;
  }
  throw new Error('expected a ContentError, but nothing was thrown');
}

/** "file:line:column rule" for each message: what an editor sees, without the wording. */
export function places(messages: readonly VFileMessage[]): string[] {
  return messages.map((message) => `${message.file}:${message.line ?? '-'}:${message.column ?? '-'} ${message.ruleId}`);
}
