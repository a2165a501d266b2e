import { areaSlug } from './area.js';

/*
 * The example annual report: the year before the one init runs in, with one goal. Its figures
 * are marked as examples in the text, since a report states what the organisation did.
 */

/** content/verksamhetsberattelse/<år>/index.md */
export function reportFile(year: number, published: string): string {
  return `---
# Verksamhetsberättelsen för ${year}. Året kommer från mappens namn.
title: Verksamhetsberättelse ${year}
# Dagen då berättelsen publicerades, ÅÅÅÅ-MM-DD.
published: ${published}
# true för en verksamhetsplan (ett år som ännu inte följts upp).
plan: false
---
Det här är inledningen till ett exempel på en verksamhetsberättelse. Byt den mot er egen
inledning, till exempel ordförandens förord, och skriv ett mål per fil bredvid den här filen
(mal-01.md, mal-02.md, …).
`;
}

/** content/verksamhetsberattelse/<år>/mal-01.md */
export function goalFile(): string {
  return `---
# Målets nummer i berättelsen.
number: 1
# Samma id i varje års fil för målet länkar ihop åren.
id: exempelmal
# Området målet hör till: filnamnet i omraden/ utan .md.
area: ${areaSlug}
statement: Exempelförbundet ska ordna mötesplatser där medlemmarna lär av varandra.
# status skrivs bara när organisationen själv har bedömt målet:
# uppfyllt | delvis-uppfyllt | ej-uppfyllt | pagaende
# Indikatorerna visas som en tabell under ## Indikatorer.
indicators:
  - text: Antal nätverksträffar under året
    id: natverkstraffar
    target: 4
    unit: träffar
    outcome: 4
---
Det här målet är ett exempel. Texten före första rubriken är bakgrund till målet.

## Aktiviteter

Exempel: fyra nätverksträffar ordnades under året, två på plats och två på distans.

## Uppföljning

Exempel: deltagarna fick svara på en enkät efter varje träff, och svaren används när nästa års
träffar planeras.
`;
}
