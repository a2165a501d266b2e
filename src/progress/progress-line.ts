/*
 * The progress line a long build shows in a terminal: one line on standard error, rewritten
 * in place, cleared before the build's own lines are printed. Never in a log or a pipe (CI,
 * tests, `| tee`): there a rewritten line would be hundreds of lines of noise.
 */

/** The stages of a build a person waits for, in the order they come. */
export type BuildStage = 'read' | 'render' | 'extras' | 'search' | 'pdf' | 'write';

/** Told by the build as it goes; `done` and `total` count what the stage works through, when it knows. */
export type ProgressListener = (stage: BuildStage, done?: number, total?: number) => void;

const stageText: Record<BuildStage, string> = {
  read: 'läser innehåll',
  render: 'renderar sidor',
  extras: 'gör flöden, bilder och bilagor',
  search: 'sökindex',
  pdf: 'skriver ut PDF',
  write: 'skriver filer',
};

const count = (n: number) => n.toLocaleString('sv-SE');

/** The line's text: "verksam: renderar sidor 3 400/10 000", "verksam: läser innehåll … 1 234 filer". */
export function formatProgress(stage: BuildStage, done?: number, total?: number): string {
  const text = `verksam: ${stageText[stage]}`;
  if (done === undefined) return `${text} …`;
  if (total === undefined) return stage === 'read' ? `${text} … ${count(done)} ${done === 1 ? 'fil' : 'filer'}` : `${text} … ${count(done)}`;
  return `${text} ${count(done)}/${count(total)}`;
}

/** What the progress line needs of standard error: a test gives it a fake terminal. */
export interface TerminalStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressLineOptions {
  /** Milliseconds; a test gives its own clock. */
  now?: () => number;
  /** A build done sooner than this shows no line at all: a flicker helps nobody. */
  delay?: number;
  /** At most one redraw per this many milliseconds within a stage (a new stage shows at once). */
  interval?: number;
}

/** Carriage return, then erase the whole line (ECMA-48 EL 2). */
const clearLine = '\r\x1b[2K';

export class ProgressLine {
  private readonly now: () => number;
  private readonly delay: number;
  private readonly interval: number;
  private readonly started: number;
  private drawnAt = -Infinity;
  private drawnStage?: BuildStage;
  private shown = false;

  constructor(
    private readonly stream: TerminalStream,
    options: ProgressLineOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.delay = options.delay ?? 500;
    this.interval = options.interval ?? 100;
    this.started = this.now();
  }

  /** A ProgressListener; bound, so it can be handed to the build as it is. */
  readonly update: ProgressListener = (stage, done, total) => {
    const now = this.now();
    if (now - this.started < this.delay) return;
    if (stage === this.drawnStage && now - this.drawnAt < this.interval) return;
    // one column short of the width: a line that fills the last column wraps in some terminals;
    // a pseudo-terminal that does not know its size says 0
    const width = Math.max((this.stream.columns || 80) - 1, 1);
    this.stream.write(clearLine + [...formatProgress(stage, done, total)].slice(0, width).join(''));
    this.shown = true;
    this.drawnAt = now;
    this.drawnStage = stage;
  };

  /** Removes the line, so what is printed next starts at the left edge of an empty line. */
  clear(): void {
    if (this.shown) this.stream.write(clearLine);
    this.shown = false;
  }
}

/** A progress line on `stream` when it is a terminal and not a CI job; otherwise none. */
export function progressLine(stream: TerminalStream, env: NodeJS.ProcessEnv, options?: ProgressLineOptions): ProgressLine | undefined {
  const ci = env.CI !== undefined && !['', '0', 'false'].includes(env.CI.toLowerCase());
  return stream.isTTY && !ci ? new ProgressLine(stream, options) : undefined;
}
