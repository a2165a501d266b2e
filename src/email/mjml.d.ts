/*
 * The part of mjml 5's API that verksam uses (the package ships no types). mjml 5 renders
 * asynchronously: `await mjml2html(source, options)`.
 */
declare module 'mjml' {
  export interface MjmlError {
    line: number;
    message: string;
    tagName: string;
    formattedMessage: string;
  }

  export interface MjmlOptions {
    /** `strict` throws on any validation error; `soft` (the default) returns them in `errors`. */
    validationLevel?: 'strict' | 'soft' | 'skip';
    /** Web fonts to link when a font family names them; `{}` links none. */
    fonts?: Record<string, string>;
    keepComments?: boolean;
    beautify?: boolean;
    minify?: boolean;
    /** Where mj-include may read files from; verksam never includes files. */
    ignoreIncludes?: boolean;
  }

  export interface MjmlResult {
    html: string;
    errors: MjmlError[];
  }

  export default function mjml2html(source: string, options?: MjmlOptions): Promise<MjmlResult>;
}
