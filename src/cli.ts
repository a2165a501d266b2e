import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { build, loadSite } from './build.js';
import { defaults } from './config.js';
import { ContentError } from './content/problems.js';
import { formatMessages } from './report.js';

const usage = `Användning:
  verksam build [--content MAPP] [--out MAPP] [--base-url URL]   bygger webbplatsen
  verksam check [--content MAPP]                                 kontrollerar innehållet utan att skriva något

  --content   innehållsmappen (standard: ${defaults.contentDir})
  --out       utdatamappen, ersätts i sin helhet (standard: ${defaults.outDir})
  --base-url  adressen webbplatsen publiceras på (standard: baseUrl i site.yaml)`;

/** argv → command; the only place that prints or decides exit codes (0 ok, 1 content, 2 usage/bug). */
export async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        content: { type: 'string', default: defaults.contentDir },
        out: { type: 'string', default: defaults.outDir },
        'base-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) {
    console.error(`--base-url måste vara en fullständig adress, t.ex. https://exempel.se/, inte "${baseUrl}".`);
    return 2;
  }
  try {
    if (command === 'build') {
      const result = await build({ contentDir: values.content, outDir: values.out, baseUrl });
      const pages = result.files.filter((file) => file.path.endsWith('.html')).length;
      const seconds = (result.milliseconds / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 2 });
      console.log(`verksam: ${pages} sidor skrevs till ${relative(process.cwd(), result.outDir) || '.'}/ på ${seconds} s.`);
      return 0;
    }
    if (command === 'check') {
      const graph = await loadSite({ contentDir: values.content });
      console.log(`verksam: innehållet är giltigt (${graph.goals.length} mål, ${graph.projects.length} projekt, ${graph.news.length} nyheter).`);
      return 0;
    }
  } catch (error) {
    if (error instanceof ContentError) {
      const untouched = command === 'build' ? ' Inget skrevs; den tidigare webbplatsen är orörd.' : '';
      console.error(formatMessages(error.messages) + untouched);
      return 1;
    }
    throw error;
  }
  console.error(`Okänt kommando "${command}".\n\n${usage}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
