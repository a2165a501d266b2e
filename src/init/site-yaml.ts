/**
 * content/site.yaml as `verksam init` writes it: every field the schema (content/schemas.ts,
 * siteSchema) knows, each with a comment saying what it does and whether it is required. The
 * optional fields are written with the values a site has without them, so an editor can see and
 * change them; the newsletter's, which only a site with a newsletter needs, as comments.
 */
export function siteYaml(): string {
  return `# Webbplatsens inställningar. Allt som står efter # är en kommentar och syns inte på webbplatsen.
# Texterna nedan är exempel: byt dem mot er organisations egna uppgifter.
# "Krävs" betyder att bygget stoppar om fältet saknas; övriga fält har ett standardvärde.

# Krävs. Organisationens namn, som det står i sidfoten och i tillgänglighetsredogörelsen.
organisation: Exempelförbundet
# Krävs. Webbplatsens namn: står överst på varje sida och i webbläsarens flik.
title: Exempelförbundet
# Krävs. En mening om organisationen: startsidans ingress och beskrivningen för sökmotorer.
description: Exempelförbundet är en påhittad organisation. Byt den här meningen mot en som säger vad er organisation gör.
# Krävs. Adressen webbplatsen publiceras på, med https://. Publiceringen på GitHub Pages
# anger sin egen adress vid bygget (--base-url), så här räcker den adress ni vill ha till sist.
baseUrl: https://www.exempel.se/
# Webbplatsens språk. verksam skriver bara svenska webbplatser: sv (standard).
language: sv

# Krävs (men varje rad i den är frivillig). Kontaktuppgifterna i sidfoten på varje sida.
contact:
  # Telefonnummer, som det ska skrivas ut.
  phone: "000-00 00 00"
  # E-postadress.
  email: info@exempel.se
  # Organisationens webbplats, med https://.
  website: https://www.exempel.se
  # Postadressen, en rad i taget.
  address:
    - Exempelgatan 1
    - 123 45 Exempelstad

# Menyn högst upp på varje sida, i den här ordningen. Varje rad har en rubrik (title) och en
# adress på webbplatsen som börjar med / (url). Utan navigation får webbplatsen ingen meny.
navigation:
  - title: Nyheter
    url: /nyheter/
  - title: Verksamhetsberättelse
    url: /verksamhetsberattelse/
  - title: Områden
    url: /omraden/

# Verksamhetsberättelsen. Hela avsnittet är frivilligt; värdena nedan är standardvärdena.
report:
  # Vad organisationen kallar sin rapport: Verksamhetsberättelse, Årsredovisning, …
  name: Verksamhetsberättelse
  # Samma ord i plural, för sidan med alla år.
  plural: Verksamhetsberättelser
  # Vad ett år som bara är planerat kallas (plan: true i årets index.md).
  planName: Verksamhetsplan
  # Rapporternas adress på webbplatsen: /verksamhetsberattelse/2025/. Bara a–z, siffror och bindestreck.
  path: verksamhetsberattelse
  # Avsnitten i ett måls text, som ##-rubriker i den här ordningen.
  sections:
    - Aktiviteter
    - Indikatorer
    - Uppföljning
  # true: varje mål måste ha varje avsnitt. false: ett mål får hoppa över avsnitt.
  sectionsRequired: true
  # Avsnittet där målets indikatortabell visas.
  indicatorSection: Indikatorer
  # Vad det som grupperar målen kallas, i singular och plural.
  groupName: Verksamhetsområde
  groupPlural: Verksamhetsområden
  # Vem som bedömer om ett mål är uppfyllt. rule: stated betyder att bara organisationen gör det
  # (fältet status i målfilen). Vill ni att verksam räknar fram bedömningen ur indikatorernas
  # mål och utfall, skriv i stället:
  #   rule: computed
  #   met: 100      # uppfyllt från så här många procent av målvärdet
  #   partly: 80    # delvis uppfyllt från så här många procent
  assessment:
    rule: stated

# Nyhetsbrevet (frivilligt): ta bort # framför raderna när ni har ett nyhetsbrev i nyhetsbrev/.
# newsletter:
#   # Krävs om newsletter finns. Nyhetsbrevets namn.
#   name: Exempelförbundets nyhetsbrev
#   # Raden överst i e-postversionen, med länk till webbversionen.
#   viewInBrowser: Problem att visa brevet? Öppna det i webbläsaren.
#   # Raden om varför mottagaren får brevet, längst ned i e-postversionen.
#   subscriptionNotice: Du får det här brevet eftersom du prenumererar på det.
#   # Avregistreringslänken: den platshållare er e-posttjänst byter mot mottagarens länk.
#   unsubscribeUrl: "*|UNSUB|*"
`;
}
