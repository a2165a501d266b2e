import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * A deterministic synthetic content set in verksam's own format, for the benchmark: news items
 * with 300–600 words of Swedish text, headings, lists, a table and links, spread over 8 areas
 * and 10 years, plus 3 reports × 15 goals and 40 projects. The same seed gives the same bytes.
 */

/** A small, fast, seedable generator (mulberry32), so runs are comparable. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'kommun samverkan länet utbildning förskola skola elever pedagoger projekt arbetsmarknad integration ' +
  'socialtjänst omsorg miljö tillsyn livsmedel digitalisering nätverk konferens kurs uppföljning mål ' +
  'indikatorer aktiviteter region styrelse kompetens utveckling insatser deltagare verksamhet ansvar ' +
  'strategi handlingsplan barn unga äldre hälsa trygghet vatten klimat avtal studie modell kvalitet'
).split(' ');
const areaNames = ['Kurs och konferens', 'AV-Media', 'Unga och utbildning', 'Social välfärd', 'Arbetsmarknad och integration', 'Miljösamverkan Sydost', 'Digitalisering', 'Ledning och samordning'];
const slug = (title: string) => title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export interface GeneratedSite {
  dir: string;
  newsFiles: string[];
}

export async function generateSite(dir: string, newsCount: number, seed = 2019): Promise<GeneratedSite> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = () => {
    const length = 6 + Math.floor(next() * 12);
    const text = Array.from({ length }, () => pick(words)).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 4) }, sentence).join(' ');
  const areas = areaNames.map((title) => ({ title, slug: slug(title) }));

  await rm(dir, { recursive: true, force: true });
  await Promise.all(['omraden', 'projekt', 'nyheter', 'verksamhetsberattelse'].map((folder) => mkdir(join(dir, folder), { recursive: true })));
  await writeFile(
    join(dir, 'site.yaml'),
    [
      'organisation: Benchförbundet',
      'title: Benchförbundet',
      'description: En syntetisk webbplats för att mäta byggtider.',
      'baseUrl: https://bench.example/',
      'contact:',
      '  phone: 010-000 00 00',
      '  email: info@bench.example',
      'navigation:',
      '  - { title: Nyheter, url: /nyheter/ }',
      '  - { title: Verksamhetsberättelse, url: /verksamhetsberattelse/ }',
      '  - { title: Projekt, url: /projekt/ }',
      '  - { title: Områden, url: /omraden/ }',
      '',
    ].join('\n'),
  );
  for (const [index, area] of areas.entries()) {
    await writeFile(join(dir, 'omraden', `${area.slug}.md`), `---\ntitle: ${area.title}\nsummary: ${sentence()}\norder: ${index + 1}\n---\n${paragraph()}\n`);
  }
  const projects = Array.from({ length: 40 }, (_, index) => ({ slug: `projekt-${index + 1}`, area: areas[index % areas.length]! }));
  for (const project of projects) {
    await writeFile(
      join(dir, 'projekt', `${project.slug}.md`),
      `---\ntitle: Projekt ${project.slug.split('-')[1]}\narea: ${project.area.slug}\nsummary: ${sentence()}\nstatus: ${next() < 0.3 ? 'pagaende' : 'avslutat'}\nstart: 20${10 + Math.floor(next() * 10)}\n---\n${paragraph()}\n\n${paragraph()}\n`,
    );
  }
  const statuses = ['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt', 'pagaende'];
  for (const year of [2017, 2018, 2019]) {
    await mkdir(join(dir, 'verksamhetsberattelse', String(year)));
    await writeFile(join(dir, 'verksamhetsberattelse', String(year), 'index.md'), `---\ntitle: Verksamhetsberättelse ${year}\npublished: ${year + 1}-03-31\n---\n${paragraph()}\n`);
    for (let number = 1; number <= 15; number++) {
      const list = () => Array.from({ length: 3 }, () => `- ${sentence()}`).join('\n');
      await writeFile(
        join(dir, 'verksamhetsberattelse', String(year), `mal-${String(number).padStart(2, '0')}.md`),
        `---\nnumber: ${number}\narea: ${areas[number % areas.length]!.slug}\nstatement: ${sentence()}\nstatus: ${pick(statuses)}\nprojects: [${projects[(number + year) % projects.length]!.slug}]\n---\n## Aktiviteter\n\n${list()}\n\n## Indikatorer\n\n${list()}\n\n## Uppföljning\n\n${paragraph()}\n\n${paragraph()}\n`,
      );
    }
  }
  const newsFiles: string[] = [];
  for (let index = 0; index < newsCount; index++) {
    const year = 2016 + (index % 10);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const area = pick(areas);
    const project = next() < 0.3 ? pick(projects).slug : undefined;
    const title = `Nyhet ${index + 1}: ${sentence().slice(0, -1)}`;
    const body: string[] = [];
    let wordsWritten = 0;
    const target = 300 + Math.floor(next() * 300);
    body.push(paragraph());
    body.push(`## ${sentence().slice(0, -1)}`);
    body.push(paragraph());
    body.push(Array.from({ length: 4 }, () => `- ${sentence()}`).join('\n'));
    body.push(`| Område | Deltagare | Kommentar |\n| --- | ---: | --- |\n${Array.from({ length: 4 }, () => `| ${pick(words)} | ${Math.floor(next() * 500)} | ${sentence()} |`).join('\n')}`);
    body.push(`Läs mer om [området](/omraden/${area.slug}/) och på [kommunens webbplats](https://www.example.se/${pick(words)}).`);
    wordsWritten = body.join(' ').split(/\s+/).length;
    while (wordsWritten < target) {
      const extra = paragraph();
      body.push(extra);
      wordsWritten += extra.split(/\s+/).length;
    }
    const file = join(dir, 'nyheter', `nyhet-${index + 1}.md`);
    newsFiles.push(file);
    await writeFile(
      file,
      `---\ntitle: "${title}"\ndate: ${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}\nareas: [${area.slug}]\nprojects: [${project ?? ''}]\nlead: ${sentence()}\n---\n${body.join('\n\n')}\n`,
    );
  }
  return { dir, newsFiles };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = '/tmp/verksam-bench/content', count = '1000'] = process.argv.slice(2);
  await generateSite(dir, Number(count));
  console.log(`generated ${count} news items in ${dir}`);
}
