/** The organisation repository's README: a short Swedish guide for its editors. */
export function readmeFile(organisation: string): string {
  return `# Webbplatsen för ${organisation}

Webbplatsen byggs med [verksam](https://github.com/kfkl/verksam) av filerna i \`content/\`.
Allt innehåll i den här mappen är exempel: byt texterna mot era egna.

## Kom igång

Du behöver Node.js 20.19 eller senare.

\`\`\`sh
npm install      # en gång: hämtar verksam; spara sedan package-lock.json i git
npm run check    # kontrollerar innehållet utan att skriva något
npm run build    # bygger webbplatsen i dist/
npm run dev      # förhandsvisning med utkast, som uppdateras när du sparar
npm run serve    # visar den byggda webbplatsen (dist/) som den blir publicerad
\`\`\`

Redaktörsguiden (https://github.com/kfkl/verksam/blob/main/docs/redaktorsguide.md) beskriver
varje sorts fil, varje felmeddelande och hur du publicerar.

PDF-versionen av verksamhetsberättelsen skrivs med webbläsaren Chromium
(\`/usr/bin/chromium\`). Utan den byggs webbplatsen utan PDF.

## Var innehållet finns

- \`content/site.yaml\`: webbplatsens namn, adress, kontaktuppgifter och meny, med en kommentar
  vid varje fält.
- \`content/omraden/\`: verksamhetsområdena, en fil per område.
- \`content/verksamhetsberattelse/<år>/\`: årets berättelse (\`index.md\`) och ett mål per fil.
- \`content/nyheter/\`: nyheterna, en fil per nyhet.
- \`content/sidor/\`: fria sidor som Om oss och Kontakt (skapa mappen när ni behöver den).
- \`content/filer/\`: bilagor att ladda ner (PDF, Word …); länka med \`[Stadgar](/filer/stadgar.pdf)\`.
- \`content/bilder/\`: bilder, i texten som \`![Vad bilden visar](bilder/foto.jpg)\`.
- \`content/tillganglighet.md\`: tillgänglighetsredogörelsen, som lagen kräver.

Nya filer skapas enklast med \`npx verksam new\`, till exempel
\`npx verksam new nyhet "Rubriken"\`. Texter ni redan har i Word flyttas in med
\`npx verksam import dokument.docx\`.

## Publicering

\`.github/workflows/pages.yml\` bygger webbplatsen och publicerar den på GitHub Pages när
ändringar kommer till grenen main, varje morgon (så att en nyhet med ett datum i framtiden
syns på sin dag) och när någon startar den för hand under Actions. En morgon utan något nytt
publiceras ingenting. Slå på publiceringen under Settings → Pages → Build and deployment →
Source: "GitHub Actions".
`;
}
