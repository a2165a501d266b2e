/**
 * The catalogue of problems verksam reports about content. Each rule id is permanent: editors
 * and tools may search for it, so ids are never renamed, only added.
 */
export const rules = {
  'front-matter-syntax': 'Front matter måste vara giltig YAML mellan två rader med ---.',
  'front-matter-language': 'Endast YAML är tillåtet i front matter (---js och liknande körs aldrig).',
  'missing-front-matter': 'Filen måste börja med front matter mellan två rader med ---.',
  'missing-field': 'Ett obligatoriskt fält saknas.',
  'unknown-field': 'Fältet finns inte för den här typen av innehåll.',
  'invalid-value': 'Värdet har fel form.',
  'invalid-date': 'Datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern.',
  'invalid-slug': 'Filnamn får bara innehålla a–z, siffror och bindestreck.',
  'unknown-reference': 'Hänvisningen pekar på något som inte finns.',
  'duplicate-entry': 'Två filer beskriver samma sak.',
  'missing-section': 'Ett obligatoriskt avsnitt saknas i texten.',
  'unexpected-file': 'Filen ligger där verksam inte väntar sig innehåll.',
  'duplicate-output': 'Två sidor skulle skrivas till samma adress.',
  'unsafe-output-path': 'En sida skulle skrivas utanför utdatamappen.',
  'broken-link': 'Länken pekar på en sida som inte finns på webbplatsen.',
  'missing-alt': 'En bild behöver alt-text, eller decorative: true om den bara pryder sidan.',
  'invalid-image': 'Bilden saknas, går inte att läsa eller är för stor.',
  'stale-accessibility-statement': 'Tillgänglighetsredogörelsen ska granskas och uppdateras minst en gång om året.',
  'missing-accessibility-statement': 'En offentlig aktörs webbplats ska ha en tillgänglighetsredogörelse (content/tillganglighet.md).',
} as const;

export type RuleId = keyof typeof rules;
