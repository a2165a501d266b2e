// The commands that are more than a call: each one's arguments checked, its module loaded, its
// outcome printed. The build and check run in main.ts.
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { NewRequest } from '../commands/new.js';
import { seeHelp } from './help.js';

/** `verksam new <typ> "<titel>"`, `verksam new rapport <år> ["<titel>"]`. */
export async function newCommand(args: readonly string[], values: { content: string; area: string[]; year?: string; date?: string }): Promise<number> {
  const [{ createNewFile, isNewType, newTypes }, { todayInSweden }] = await Promise.all([import('../commands/new.js'), import('../format/dates.js')]);
  const [type, ...rest] = args;
  if (!type || !isNewType(type)) {
    console.error(`${type ? `Okänd typ "${type}"` : 'Ange vad som ska skapas'} för verksam new; välj en av: ${newTypes.join(', ')}.\n${seeHelp('new')}`);
    return 2;
  }
  let year = values.year;
  if (type === 'rapport' && rest.length > 0 && /^\d+$/.test(rest[0]!)) {
    if (year !== undefined && year !== rest[0]) {
      console.error(`Två olika år angavs: ${rest[0]} och --year ${year}.`);
      return 2;
    }
    year = rest.shift();
  }
  if (rest.length > 1) {
    console.error(`För många ord: skriv titeln inom citattecken, t.ex. verksam new ${type} "${rest.join(' ')}".`);
    return 2;
  }
  if (year !== undefined && !/^\d{4}$/.test(year)) {
    console.error(`Året skrivs med fyra siffror, t.ex. 2021, inte "${year}".`);
    return 2;
  }
  const request: NewRequest = {
    type,
    title: rest[0],
    areas: values.area,
    year: year === undefined ? undefined : Number(year),
    date: values.date ?? todayInSweden(),
  };
  const outcome = await createNewFile(request, { contentDir: values.content, cwd: process.cwd() });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  console.log([`verksam: skapade ${outcome.path}`, ...outcome.notes.map((note) => `  ${note}`), 'Öppna filen och skriv texten; kör npm run check.'].join('\n'));
  return 0;
}

/** `verksam init [MAPP]`: a new site in a new or empty folder. */
export async function initCommand(args: readonly string[], verksamSource: string | undefined): Promise<number> {
  if (args.length > 1) {
    console.error(`Ange en mapp, t.ex. verksam init ${args[0]}.\n${seeHelp('init')}`);
    return 2;
  }
  const [{ initSite }, { todayInSweden }] = await Promise.all([import('../commands/init.js'), import('../format/dates.js')]);
  const outcome = await initSite({ dir: args[0] ?? '.', cwd: process.cwd(), today: todayInSweden(), verksamSource });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  const enter = outcome.dir === '.' ? '' : `cd ${outcome.dir} && `;
  console.log(
    [
      `verksam: en ny webbplats skrevs i ${outcome.dir}/ (${outcome.files.length} filer). Texterna är exempel: byt dem mot era egna.`,
      `Nästa steg: ${enter}npm install && npm run build`,
    ].join('\n'),
  );
  return 0;
}

/** `verksam import <fil> [--kind rapport|nyheter] [--year ÅR]`: the migration report on standard out. */
export async function importCommand(args: readonly string[], values: { content: string; kind?: string; year?: string }): Promise<number> {
  const [{ importFile, isImportKind, importKinds }, { todayInSweden }] = await Promise.all([import('../commands/import.js'), import('../format/dates.js')]);
  if (args.length !== 1) {
    console.error(`${args.length === 0 ? 'Ange filen som ska importeras' : 'Ange en fil i taget'}, t.ex. verksam import verksamhetsberattelse-2019.docx.\n${seeHelp('import')}`);
    return 2;
  }
  if (values.kind !== undefined && !isImportKind(values.kind)) {
    console.error(`--kind kan vara ${importKinds.join(' eller ')}, inte "${values.kind}".`);
    return 2;
  }
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) {
    console.error(`Året skrivs med fyra siffror, t.ex. 2021, inte "${values.year}".`);
    return 2;
  }
  const outcome = await importFile({
    file: args[0]!,
    contentDir: values.content,
    cwd: process.cwd(),
    kind: values.kind as 'rapport' | 'nyheter' | undefined,
    year: values.year === undefined ? undefined : Number(values.year),
    today: todayInSweden(),
  });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  console.log(outcome.report);
  return 0;
}

/** `verksam newsletter <namn>`: builds, then where the issue's email files are and their sizes. */
export async function newsletterCli(
  args: readonly string[],
  options: { contentDir: string; outDir: string; replaceOut: boolean; baseUrl?: string; today?: string },
): Promise<number> {
  const { formatNewsletterReport, newsletterCommand } = await import('../commands/newsletter.js');
  if (args.length > 1) {
    console.error(`Ange ett nyhetsbrev i taget, t.ex. verksam newsletter ${args[0]}.\n${seeHelp('newsletter')}`);
    return 2;
  }
  const outcome = await newsletterCommand({ slug: args[0], ...options });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  const report = formatNewsletterReport(outcome);
  console.log(report.out.join('\n'));
  if (report.err.length > 0) console.error(report.err.join('\n'));
  return outcome.code;
}

/** `verksam dev`: runs until Ctrl+C. */
export async function devCommand(contentDir: string, port: number, today: string | undefined, cacheDir: string | undefined): Promise<number> {
  await access(contentDir).catch(() => {
    throw Object.assign(new Error(contentDir), { code: 'ENOENT', path: resolve(contentDir) });
  });
  const { startDev } = await import('../dev/dev.js');
  let server;
  try {
    server = await startDev({ contentDir, port, host: '127.0.0.1', cwd: process.cwd(), today, cacheDir, log: (line) => console.log(line) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(`Porten ${port} används redan, kanske av en annan förhandsvisning. Stäng den, eller välj en annan port: npm run dev -- --port ${port + 1}`);
    return 2;
  }
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await server.close();
  return 0;
}

/** `verksam serve`: shows the built site until Ctrl+C. */
export async function serveCli(outDir: string, port: number, host: string): Promise<number> {
  const { serveCommand } = await import('../commands/serve.js');
  const outcome = await serveCommand({ outDir, port, host });
  if (!outcome.ok) {
    console.error(outcome.message);
    return outcome.code;
  }
  console.log(`verksam: webbplatsen i ${outDir}/ visas på ${outcome.server.url} (Ctrl+C avslutar)`);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await outcome.server.close();
  return 0;
}
