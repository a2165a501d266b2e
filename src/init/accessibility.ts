/**
 * content/tillganglighet.md: the accessibility statement the law (DOS-lagen) requires, with the
 * items of Digg's model. A new site has not been assessed yet, so the example says "delvis" with
 * one example shortcoming: claiming "helt" before anyone has looked would be a false statement.
 */
export function accessibilityFile(today: string): string {
  return `---
# Tillgänglighetsredogörelsen, som lagen om tillgänglighet till digital offentlig service
# (DOS-lagen) kräver. Sidan /tillganglighet/ följer Digg:s mall. Allt här är exempel: granska
# webbplatsen och skriv det som är sant. Gör om granskningen minst en gång om året och ändra då
# assessed och updated (verksam check varnar när bedömningen är äldre än ett år).

# Hur väl webbplatsen uppfyller lagen: helt | delvis | inte
compliance: delvis
# Standarden webbplatsen bedöms mot.
standard: WCAG 2.1 nivå AA
# Dagen då webbplatsen senast granskades.
assessed: ${today}
# Hur den granskades, en metod per rad.
method:
  - "Exempel på metod: egen granskning av sidorna med tangentbord och skärmläsare."
# Dagen då redogörelsen senast uppdaterades.
updated: ${today}
# Dagen då webbplatsen publicerades (frivilligt).
published: ${today}
# Vart läsarna vänder sig med synpunkter och när de kan vänta sig svar.
contact:
  email: info@exempel.se
  phone: "000-00 00 00"
  responseTime: inom två arbetsdagar
# Kända brister. reason: brist (uppfyller inte kraven) | oskaligt-betungande
# Skriv compliance: helt och shortcomings: [] först när inga brister finns kvar.
shortcomings:
  - title: Exempel på en brist
    description: Det här är ett exempel. Beskriv vad på webbplatsen som inte är tillgängligt och för vem.
    reason: brist
    plan: Exempel på en plan för när bristen ska vara åtgärdad.
# Innehåll som lagen inte omfattar, var och en med title och description.
exemptions: []
---
`;
}
