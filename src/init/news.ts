import { areaSlug } from './area.js';

/** The example news item's file name in content/nyheter/. */
export const newsSlug = 'var-nya-webbplats';

/** content/nyheter/<slug>.md, dated the day init runs so that it is published. */
export function newsFile(date: string): string {
  return `---
title: Vår nya webbplats
# Publiceringsdagen, ÅÅÅÅ-MM-DD. En nyhet med ett datum i framtiden visas först den dagen.
date: ${date}
# Områden nyheten hör till (frivilligt).
areas:
  - ${areaSlug}
lead: Det här är en exempelnyhet som visar hur en nyhet ser ut. Byt den mot er första riktiga nyhet.
# draft: true håller nyheten borta från webbplatsen tills den är klar.
draft: false
---
Nyhetens text skrivs i Markdown under strecken. En tom rad ger ett nytt stycke.

Länkar skrivs så här: [tillgänglighetsredogörelsen](/tillganglighet/).
`;
}
