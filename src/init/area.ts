/** The example area of operations: content/omraden/<slug>.md. Goals and news point to it by its slug. */
export const areaSlug = 'exempelomrade';

export function areaFile(): string {
  return `---
# Ett verksamhetsområde. Filnamnet (exempelomrade) är områdets adress och det namn som mål och
# nyheter hänvisar till med area: exempelomrade. Byt namn på filen och texterna mot ert eget område.
title: Exempelområde
summary: Ett påhittat verksamhetsområde som visar hur ett område ser ut på webbplatsen.
# Plats i listor, minst först.
order: 1
# Kontaktperson (frivilligt; varje rad är frivillig).
contact:
  name: Förnamn Efternamn
  role: Verksamhetsledare
  email: info@exempel.se
---
Här beskrivs området med vanlig text i Markdown. Den här texten är ett exempel: skriv vad
området arbetar med, för vilka och tillsammans med vem.
`;
}
