import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './build-site.js';

/*
 * The W3C Nu HTML checker (vnu-jar) on Debian's Java: one JVM run over many files, errors only,
 * JSON on stderr.
 */

export const vnuJar = `${repoRoot}/node_modules/vnu-jar/build/dist/vnu.jar`;

export interface NuError {
  /** Absolute path of the checked file. */
  file: string;
  line: number;
  column: number;
  message: string;
  extract: string;
}

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Runs the Nu checker once over all `files`; returns every error (and non-document error). */
export function nuCheck(files: readonly string[]): Promise<NuError[]> {
  return new Promise((done, fail) => {
    execFile(
      'java',
      ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        // Exit code 1 just means "errors found"; anything else, or no JSON, is a broken run.
        if (error && error.code !== 1) {
          fail(new Error(`The Nu checker failed to run (${error.code ?? error.signal}): ${stderr.slice(0, 2000)}`));
          return;
        }
        let parsed: { messages?: NuMessage[] };
        try {
          parsed = JSON.parse(stderr) as { messages?: NuMessage[] };
        } catch {
          fail(new Error(`The Nu checker printed no JSON report:\n${stderr.slice(0, 2000)}`));
          return;
        }
        const errors = (parsed.messages ?? [])
          .filter((message) => message.type === 'error' || message.type === 'non-document-error')
          .map((message) => ({
            file: message.url?.startsWith('file:') ? fileURLToPath(message.url) : (message.url ?? '(unknown file)'),
            line: message.lastLine ?? message.firstLine ?? 0,
            column: message.firstColumn ?? message.lastColumn ?? 0,
            message: message.type === 'non-document-error' ? `could not check: ${message.message}` : message.message,
            extract: (message.extract ?? '').replace(/\s+/g, ' ').trim(),
          }));
        done(errors);
      },
    );
  });
}

/** One line per error: `file:line:column  message  «extract»`; `label` names a file readably. */
export function formatNuErrors(errors: readonly NuError[], label: (file: string) => string = (file) => relative(repoRoot, file)): string {
  if (errors.length === 0) return 'no Nu checker errors';
  return [
    `${errors.length} Nu checker error(s):`,
    ...errors.map(
      (error) =>
        `  ${label(error.file)}:${error.line}:${error.column}  ${error.message}${error.extract ? `  «${error.extract}»` : ''}`,
    ),
  ].join('\n');
}
