import type { Element, Root } from 'hast';
import type { ComplianceLevel } from '../src/content/schemas.js';
import type { PageContext } from '../src/render/context.js';
import { placeBody } from '../src/render/prose.js';
import type { Route } from '../src/routes/routes.js';
import { Layout } from './layout.js';
import { DateText } from './parts/common.js';

/** Digg's form for reporting a public body's inaccessible digital service. */
export const diggReportUrl = 'https://www.digg.se/tdosanmalan';

const compliance: Record<ComplianceLevel, { short: string; text: (site: string) => string }> = {
  helt: {
    short: 'helt förenlig',
    text: (site) => `${site} är helt förenlig med lagen om tillgänglighet till digital offentlig service.`,
  },
  delvis: {
    short: 'delvis förenlig',
    text: (site) =>
      `${site} är delvis förenlig med lagen om tillgänglighet till digital offentlig service, på grund av de brister som beskrivs nedan.`,
  },
  inte: {
    short: 'inte förenlig',
    text: (site) => `${site} är inte förenlig med lagen om tillgänglighet till digital offentlig service. De största bristerna beskrivs nedan.`,
  },
};

/**
 * The accessibility statement (tillgänglighetsredogörelse), in the order and with the items
 * Digg's model statement has: who stands behind the site, how accessible it is, what to do when
 * something cannot be used, how to report it, the supervising authority, the technical
 * information (compliance, known shortcomings and why, exemptions) and how the site was assessed.
 */
export function AccessibilityPage({ statement }: Extract<Route, { kind: 'accessibility' }>, ctx: PageContext): Root {
  const { site } = ctx;
  const siteName = new URL(site.baseUrl).host;
  const level = compliance[statement.compliance];
  const failures = statement.shortcomings.filter((item) => item.reason === 'brist');
  const burdens = statement.shortcomings.filter((item) => item.reason === 'oskaligt-betungande');
  const contact = statement.contact;
  const Item = (item: { title: string; description: string; plan?: string }) =>
    (
      <li>
        <strong>{item.title}.</strong> {item.description}
        {item.plan ? ` ${item.plan}` : null}
      </li>
    ) as Element;
  return Layout({
    ctx,
    title: 'Tillgänglighetsredogörelse',
    description: `Hur ${siteName} uppfyller lagen om tillgänglighet till digital offentlig service, kända brister och hur du rapporterar problem.`,
    breadcrumbs: [],
    children: [
      <p class="lead">
        {`${site.organisation} står bakom webbplatsen ${siteName}. Vi vill att så många som möjligt ska kunna använda webbplatsen. Den här redogörelsen beskriver hur ${siteName} uppfyller lagen om tillgänglighet till digital offentlig service, kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.`}
      </p>,
      placeBody(statement.body, { topLevel: 2 }),
      <h2 id="hur-tillganglig">Hur tillgänglig är webbplatsen?</h2>,
      statement.shortcomings.length === 0 ? (
        <p>{`Vi känner inte till några brister i webbplatsens tillgänglighet. ${level.text('Webbplatsen')}`}</p>
      ) : (
        <p>
          Vi är medvetna om att delar av webbplatsen inte är helt tillgängliga. Se avsnittet{' '}
          <a href="#innehall-som-inte-ar-tillgangligt">Innehåll som inte är tillgängligt</a>.
        </p>
      ),
      <h2 id="om-du-inte-kan-anvanda">Vad kan du göra om du inte kan använda delar av webbplatsen?</h2>,
      <p>Om du behöver innehåll från {siteName} som inte är tillgängligt för dig, men som inte omfattas av lagen, kan du meddela oss:</p>,
      ContactList(contact),
      contact.responseTime ? <p>{`Vi svarar ${contact.responseTime}.`}</p> : null,
      <h2 id="rapportera-brister">Rapportera brister i webbplatsens tillgänglighet</h2>,
      <p>
        Vi strävar hela tiden efter att förbättra webbplatsens tillgänglighet. Om du upptäcker problem som inte är beskrivna på
        den här sidan, eller om du anser att vi inte uppfyller lagens krav, meddela oss så att vi får veta att problemet finns:
      </p>,
      ContactList(contact),
      <h2 id="tillsyn">Tillsyn</h2>,
      <p>
        Myndigheten för digital förvaltning (Digg) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig
        service. Om du inte är nöjd med hur vi hanterar dina synpunkter kan du{' '}
        <a href={diggReportUrl}>kontakta Digg och påtala det (Diggs anmälningsfunktion)</a>.
      </p>,
      <h2 id="teknisk-information">Teknisk information om webbplatsens tillgänglighet</h2>,
      <p>{`${level.text('Webbplatsen')} Vi bedömer den mot ${statement.standard}, som lagen hänvisar till genom standarden EN 301 549.`}</p>,
      <dl class="facts">
        <dt>Förenlighet med lagen</dt>
        <dd>{level.short}</dd>
        <dt>Standard</dt>
        <dd>{statement.standard}</dd>
      </dl>,
      <h2 id="innehall-som-inte-ar-tillgangligt">Innehåll som inte är tillgängligt</h2>,
      statement.shortcomings.length === 0 ? <p>Vi känner inte till något innehåll som inte är tillgängligt.</p> : null,
      failures.length > 0 ? <h3 id="bristande-forenlighet">Bristande förenlighet med lagkraven</h3> : null,
      failures.length > 0 ? <ul>{failures.map(Item)}</ul> : null,
      burdens.length > 0 ? <h3 id="oskaligt-betungande">Oskäligt betungande anpassning</h3> : null,
      burdens.length > 0 ? <ul>{burdens.map(Item)}</ul> : null,
      <h3 id="undantag">Innehåll som inte omfattas av lagen</h3>,
      statement.exemptions.length > 0 ? (
        <ul>{statement.exemptions.map(Item)}</ul>
      ) : (
        <p>Webbplatsen har inget innehåll som vi undantar med stöd av lagen.</p>
      ),
      <h2 id="hur-vi-testat">Hur vi testat webbplatsen</h2>,
      <p>Vi har själva granskat webbplatsen:</p>,
      <ul>
        {statement.method.map((method) => (
          <li>{method}</li>
        ))}
      </ul>,
      <dl class="facts">
        <dt>Senaste bedömning</dt>
        <dd>{DateText(statement.assessed)}</dd>
        {statement.published ? <dt>Webbplatsen publicerades</dt> : null}
        {statement.published ? <dd>{DateText(statement.published)}</dd> : null}
        <dt>Redogörelsen uppdaterades</dt>
        <dd>{DateText(statement.updated)}</dd>
      </dl>,
    ],
  });
}

function ContactList(contact: { email: string; phone?: string }): Element {
  return (
    <ul class="contact-list">
      <li>
        E-post: <a href={`mailto:${contact.email}`}>{contact.email}</a>
      </li>
      {contact.phone ? (
        <li>
          Telefon: <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone.replace(/-/g, '\u2011').replace(/ /g, '\u00a0')}</a>
        </li>
      ) : null}
    </ul>
  ) as Element;
}
