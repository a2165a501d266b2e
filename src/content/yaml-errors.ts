import type { YAMLError } from 'yaml';

/**
 * The YAML parser's errors in plain Swedish, with what to do. The parser's own English text is
 * kept at the end for the rare error without a translation, so nothing is lost.
 */
const explanations: Partial<Record<YAMLError['code'], string>> = {
  DUPLICATE_KEY: 'samma fält står två gånger; ta bort det ena.',
  TAB_AS_INDENT: 'raden är indragen med tabb; använd mellanslag.',
  BLOCK_AS_IMPLICIT_KEY: 'ett värde innehåller kolon och mellanslag; sätt citattecken runt värdet, t.ex. lead: "Tolv kommuner: nu kör vi".',
  MULTILINE_IMPLICIT_KEY: 'ett fältnamn fortsätter på nästa rad; skriv "fält: värde" på samma rad, eller sätt citattecken runt ett långt värde.',
  BAD_INDENT: 'indragningen stämmer inte; fält i samma grupp ska ha lika många mellanslag framför sig.',
  MISSING_CHAR: 'ett tecken saknas, ofta ett avslutande citattecken eller ]; kontrollera raden.',
  UNEXPECTED_TOKEN: 'ett tecken står där det inte får stå; sätt citattecken runt värdet om det börjar med @, `, %, *, & eller !.',
  BAD_SCALAR_START: 'värdet börjar med ett tecken som har en särskild betydelse i YAML; sätt citattecken runt värdet.',
  TAG_RESOLVE_FAILED: 'ett värde har en okänd typ (!); ta bort !-markeringen.',
  ALIAS_PROPS: 'en hänvisning (*namn) används på ett sätt som inte går; skriv ut värdet i stället.',
  RESOURCE_EXHAUSTION: 'för många hänvisningar (*namn); skriv ut värdena i stället.',
};

export function explainYamlError(error: Pick<YAMLError, 'code' | 'message'>): string {
  const original = error.message.split('\n')[0] ?? error.message;
  // the parser reports its own stack overflow under another code; it is always nesting, never aliases
  if (/call stack/i.test(original)) return `listor och grupper av fält ligger i för många nivåer inuti varandra; förenkla fälten. (${original})`;
  const explanation = explanations[error.code];
  return explanation ? `${explanation} (${original})` : original;
}
