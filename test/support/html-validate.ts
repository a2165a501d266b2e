import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

/*
 * html-validate, configured once for the whole suite: the strict "recommended" preset plus the
 * "document" preset (heading-level, input-missing-label, no-missing-references, …: rules for
 * complete documents, which is what we validate). Only rules whose defaults disagree with a
 * correct serializer (hast-util-to-html) or with a static same-origin site are adjusted; no
 * accessibility rule is turned off.
 */
export const htmlValidateConfig: ConfigData = {
  root: true,
  extends: ['html-validate:recommended', 'html-validate:document'],
  rules: {
    // hast-util-to-html writes `<!doctype html>`.
    'doctype-style': ['error', { style: 'lowercase' }],
    // …and void elements without a slash: `<meta charset="utf-8">`.
    'void-style': ['error', { style: 'omit' }],
    // Subresource integrity protects against a compromised third-party host; our stylesheet and
    // scripts come from the same origin as the page, so only cross-origin resources need it.
    'require-sri': ['error', { target: 'crossorigin' }],
    // A search-engine guideline, not an accessibility one: titles are "<headline> – <site>"
    // (issue 2) and editors' headlines may be long. WCAG 2.4.2 asks for descriptive titles,
    // which the headline gives.
    'long-title': 'off',
    // A group of checkboxes shares its name, so the form sends each ticked value (the search filters).
    'form-dup-name': ['error', { shared: ['radio', 'button', 'reset', 'submit', 'checkbox'] }],
  },
};

const validator = new HtmlValidate(new StaticConfigLoader(htmlValidateConfig));

export interface HtmlIssue {
  /** The file, relative to the folder given as `relativeTo`. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** Selector of the element, when html-validate knows it. */
  selector: string | null;
}

/** Validates each file; returns every error (severity 2), in file order. */
export async function validateHtmlFiles(files: readonly string[], relativeTo: string): Promise<HtmlIssue[]> {
  const issues: HtmlIssue[] = [];
  for (const file of files) {
    const report = await validator.validateString(await readFile(file, 'utf8'), file);
    for (const result of report.results) {
      for (const message of result.messages) {
        if (message.severity < 2) continue;
        issues.push({
          file: relative(relativeTo, file),
          line: message.line,
          column: message.column,
          rule: message.ruleId,
          message: message.message,
          selector: message.selector,
        });
      }
    }
  }
  return issues;
}

/** One line per error: `file:line:column  rule  message  (selector)`. */
export function formatHtmlIssues(issues: readonly HtmlIssue[]): string {
  if (issues.length === 0) return 'no html-validate errors';
  const files = new Set(issues.map((issue) => issue.file)).size;
  return [
    `${issues.length} html-validate error(s) in ${files} file(s):`,
    ...issues.map(
      (issue) =>
        `  ${issue.file}:${issue.line}:${issue.column}  ${issue.rule}  ${issue.message}${issue.selector ? `  (${issue.selector})` : ''}`,
    ),
  ].join('\n');
}
