import { area, siteYaml } from '../content/temp-site.js';

/*
 * A small organisation followed over three years: two reports (2019, 2020) with goal 1 under the
 * same id, its indicators forming series, statuses computed from the indicators, report key
 * figures both years, a wide table in a goal's text, and a plan for 2021. For the report, goal and
 * comparison pages' tests (test/build/report-views.test.ts, test/browser/phone-tables.test.ts).
 */

const report = (year: number, participants: number) => `---
title: Verksamhetsberättelse ${year}
published: ${year + 1}-03-31
keyFigures:
  - label: Medlemskommuner
    id: medlemskommuner
    value: 12
    unit: kommuner
  # reworded in 2020: the years line up by id, never by label
  - label: Deltagare på förbundets kurser och konferenser${year === 2020 ? ' under året' : ''}
    id: kursdeltagare
    value: ${participants}
    unit: personer
---
Inledning ${year}.
`;

export const yearsSite: Record<string, string> = {
  'site.yaml': `${siteYaml}report:\n  assessment:\n    rule: computed\n`,
  'omraden/skola.md': area('Skola och utbildning i samverkan med kommunerna', 1),
  'omraden/miljo.md': area('Miljö', 2),
  'verksamhetsberattelse/2019/index.md': report(2019, 1500),
  'verksamhetsberattelse/2020/index.md': report(2020, 1850),
  'verksamhetsberattelse/2021/index.md': '---\ntitle: Verksamhetsplan 2021\npublished: 2021-01-15\nplan: true\n---\nPlanen.\n',
  'verksamhetsberattelse/2019/mal-01.md': `---
number: 1
id: lasning
area: skola
statement: Fler elever ska läsa varje dag.
indicators:
  - text: Andel elever som läser varje dag
    id: andel
    target: 80
    unit: "%"
    outcome: 55
    earlier:
      "2018": 40
  - text: Antal kurser för lärare
    id: kurser
    target: 10
    outcome: 12
---
Bakgrund 2019.

## Aktiviteter

Kurser.

## Indikatorer

## Uppföljning

Det gick bra 2019.
`,
  'verksamhetsberattelse/2020/mal-01.md': `---
number: 1
id: lasning
area: skola
statement: Fler elever ska läsa varje dag, i alla länets kommuner, också under sommarlovet.
keyFigures:
  - label: Deltagande pedagoger
    value: 2500
    unit: personer
    previous: 2200
indicators:
  - text: Andel elever som läser varje dag enligt den årliga enkäten till elever i årskurs fem
    id: andel
    target: 80
    unit: "%"
    outcome: 60
    comment: Ökningen fortsätter, men långsammare än väntat. Svarsfrekvensen var åttiotvåprocentig.
    source: Elevenkäten
  - text: Antal kurser för lärare
    id: kurser
    target: 10
    outcome: 9
  - text: Väntetid i dagar
    id: vantetid
    target: 5
    better: lower
    unit: dagar
    outcome: 7
    earlier:
      "2019": 7
  - text: Läsfrämjande plan antagen
    result: genomfort
---
Bakgrund 2020.

## Aktiviteter

| Aktivitet | Deltagare | Kommun | Datum och plats för genomförandet |
| --- | --- | --- | --- |
| Läsdag med författarbesök | 140 | Kalmar | 12 mars 2020 i stadsbibliotekets hörsal |

## Indikatorer

## Uppföljning

Det gick bra 2020.
`,
  'verksamhetsberattelse/2020/mal-02.md': `---
number: 2
area: miljo
statement: Tillsynen ska samordnas.
---
## Aktiviteter

Temadagar.

## Indikatorer

Sex temadagar.

## Uppföljning

Bra.
`,
  'verksamhetsberattelse/2021/mal-01.md': `---
number: 1
id: lasning
area: skola
statement: Fler elever ska läsa varje dag.
indicators:
  - text: Andel elever som läser varje dag
    id: andel
    target: 85
    unit: "%"
---
## Aktiviteter

Kurser.

## Indikatorer

## Uppföljning

Följs upp 2022.
`,
};
