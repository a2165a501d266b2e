/** Messages between the preview's server (main thread) and its build worker. */

/** A content problem, as plain data that crosses the thread boundary. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  rule?: string;
  message: string;
}

export type ToWorker = { type: 'update'; changed: string[] | null };

export type FromWorker =
  | {
      type: 'updated';
      /** Whether `files` is the whole site (the first build of a worker), not a change. */
      full: boolean;
      problems: Problem[];
      /** Output files that changed, with their new contents. */
      files: [path: string, contents: string | Uint8Array][];
      removed: string[];
      rendered: number;
      milliseconds: number;
    }
  | { type: 'failed'; error: string };
