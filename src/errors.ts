import { relative, sep } from 'node:path';

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
  'missing-alt': 'En bild behöver alt-text som säger vad den visar; en bild som bara pryder sidan får decorative: true (i front matter) eller titeln "dekorativ": ![](bilder/x.jpg "dekorativ").',
  'invalid-image': 'Bilden saknas, går inte att läsa eller är för stor.',
  'stale-accessibility-statement': 'Tillgänglighetsredogörelsen ska granskas och uppdateras minst en gång om året.',
  'missing-accessibility-statement': 'En offentlig aktörs webbplats ska ha en tillgänglighetsredogörelse (content/tillganglighet.md).',
  'file-too-large': 'En innehållsfil får vara högst 1 MB; dela upp texten i flera filer.',
  'too-deeply-nested': 'Citat och listor får ligga i högst 20 nivåer inuti varandra.',
  'too-complex-markdown': 'Ett stycke har så många [, ], * eller _ att texten inte går att tolka i rimlig tid; dela upp stycket eller ta bort tecknen.',
  'invalid-encoding': 'Filen måste vara sparad som UTF-8 (i redigeraren: Spara som … kodning UTF-8).',
  'unreadable-file': 'Filen går inte att läsa: den är ingen vanlig fil, eller datorn nekar verksam att öppna den.',
  'symbolic-link': 'verksam följer inte symboliska länkar; lägg själva filen i innehållsmappen.',
  'reserved-address': 'En sida i sidor/ får inte ha samma adress som en sida eller mapp som verksam skapar (nyheter, projekt, sok …); byt filnamn.',
  'invalid-attachment': 'En bilaga i filer/ måste vara PDF, Word, Excel, PowerPoint, OpenDocument, CSV eller en bild, inte tom och högst 100 MB.',
  'large-attachment': 'En bilaga över 20 MB tar lång tid att hämta i en mobil; komprimera den eller dela upp den.',
  'placeholder-text': 'Texten är en platshållare som verksam skrev i en ny fil (t.ex. "Skriv ingressen här"); ersätt den med riktig text. I ett utkast är det en varning, annars ett fel.',
  'empty-section': 'En rubrik har ingen text under sig före nästa rubrik; skriv texten eller ta bort rubriken.',
  'undefined-reference': 'En länk eller bild skriven som [text][namn] har ingen rad [namn]: adress som säger vart den leder, så den visas som vanlig text; lägg till raden eller skriv länken direkt som [text](adress).',
  'missing-navigation': 'Webbplatsen har ingen meny: lägg till navigation i site.yaml med sidorna som ska synas i menyn.',
  'unread-folder': 'verksam läser inte den här mappen eller filen i innehållsmappen; flytta innehållet till en mapp verksam läser, eller ta bort det.',
} as const;

export type RuleId = keyof typeof rules;

/** What the operating system's error codes mean to an editor: why a file or folder could not be used. */
const fileSystemErrors: Record<string, string> = {
  EACCES: 'datorn nekar verksam behörighet till den',
  EPERM: 'datorn nekar verksam behörighet till den',
  EROFS: 'den ligger på en enhet som bara går att läsa (skrivskyddad)',
  ENOENT: 'den finns inte (eller försvann medan verksam arbetade)',
  ENOTDIR: 'en del av sökvägen är en fil, inte en mapp',
  EISDIR: 'den är en mapp, inte en fil',
  EEXIST: 'det finns redan något med det namnet',
  ENOSPC: 'disken är full',
  EDQUOT: 'din diskkvot är slut',
  ELOOP: 'den är en symbolisk länk som pekar på sig själv',
  EMFILE: 'för många filer är öppna samtidigt',
  ENAMETOOLONG: 'namnet är för långt',
  EBUSY: 'den används av ett annat program',
  EIO: 'disken gick inte att läsa eller skriva (ett fel i enheten)',
  ENOTEMPTY: 'mappen är inte tom',
};

/**
 * Why a file system operation failed, in Swedish ("datorn nekar verksam behörighet till den"),
 * or undefined when `error` is not the operating system's. A failure to read or write is the
 * editor's to fix, and deserves a sentence, not a stack trace.
 */
export function explainFileSystemError(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !(error instanceof Error) || !('syscall' in error)) return undefined;
  return fileSystemErrors[code] ?? `operativsystemet svarade ${code}`;
}

/** "verksam: kom inte åt dist/index.html: disken är full." for a failed file system operation, or undefined. */
export function describeFileSystemError(error: unknown, cwd = process.cwd()): string | undefined {
  const explanation = explainFileSystemError(error);
  if (!explanation) return undefined;
  const { path } = error as NodeJS.ErrnoException;
  const shown = path ? relative(cwd, path).split(sep).join('/') || path : undefined;
  return `verksam: kom inte åt ${shown ?? 'en fil'}: ${explanation}.`;
}
