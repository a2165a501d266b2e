import type { Element, ElementContent, Root } from 'hast';
import type { EmailBlock, EmailImage, EmailLink, EmailModel } from './model.js';
import { fontFamily, inlineStyles, layout, palette, styleFor } from './style.js';
import { subscriptionFooter } from './subscription.js';

/*
 * The newsletter email as an MJML document, written as hast (hastscript's JSX) like the site's
 * templates, so every text and attribute is escaped by structure. MJML turns it into the
 * table-based HTML mail clients need: 600 px wide at most, one column under 480 px.
 *
 * Layout, top to bottom: the "open it in the browser" line, the masthead, the issue's title and
 * editorial, each article in full under its linked title (with its picture and caption), the
 * extra blocks two by two, the organisation's contact block, and why the reader gets the email
 * with the unsubscribe link (the notice's own "klicka här" sentence, where it has one).
 */

const white = '#ffffff';

function Link(link: EmailLink, style = styleFor('a')): Element {
  return (<a href={link.url} style={style}>{link.text}</a>) as Element;
}

/** A body's children with the email's inline styles. */
const styled = (body: Root, overrides?: Readonly<Record<string, string>>): ElementContent[] =>
  inlineStyles(structuredClone(body), overrides).children as ElementContent[];

const headingStyle = (size: number, lineHeight: number, margin: string, colour: string = palette.ink) =>
  `margin:${margin};font-family:${fontFamily};font-size:${size}px;line-height:${lineHeight}px;font-weight:bold;color:${colour}`;

function Top(model: EmailModel): Element {
  const { before, link, after } = model.viewInBrowser;
  return (
    <mj-section padding="16px 0 8px">
      <mj-column>
        <mj-text font-size="14px" line-height="20px" color={palette.muted}>
          {model.unpublished ? (
            <p style="margin:0 0 8px;font-weight:bold">
              {model.unpublished === 'utkast' ? 'Utkast – skickas inte förrän draft tas bort.' : 'Planerad – publiceras på utgivningsdagen.'}
            </p>
          ) : null}
          <p style="margin:0">
            {before}
            {Link(link)}
            {after}
          </p>
        </mj-text>
      </mj-column>
    </mj-section>
  ) as Element;
}

function Masthead(model: EmailModel): Element {
  return (
    <mj-section background-color={palette.brandDark} padding="24px 0">
      <mj-column>
        <mj-text color={white}>
          <p style={`margin:0;font-size:24px;line-height:30px;font-weight:bold;color:${white}`}>{model.name}</p>
          <p style={`margin:4px 0 0;color:${white}`}>{model.issue}</p>
        </mj-text>
      </mj-column>
    </mj-section>
  ) as Element;
}

function Editorial(model: EmailModel): Element {
  return (
    <mj-section background-color={palette.paper} padding="32px 0 8px">
      <mj-column>
        <mj-text>
          <h1 style={headingStyle(28, 34, '0 0 16px')}>{model.heading}</h1>
          {styled(model.editorial)}
        </mj-text>
      </mj-column>
    </mj-section>
  ) as Element;
}

function Articles(model: EmailModel): Element[] {
  return model.articles.map(
    (article) =>
      (
        <mj-section background-color={palette.paper} padding="0 0 8px">
          <mj-column>
            <mj-divider border-color={palette.line} border-width="1px" padding={`8px ${layout.gutter}px 24px`} />
            <mj-text>
              <h2 style={headingStyle(22, 28, '0 0 12px')}>{Link({ text: article.title, url: article.url })}</h2>
            </mj-text>
            {article.image ? ArticleImage(article.image) : null}
            <mj-text>
              <p style="margin:0 0 16px;font-size:19px;line-height:28px">{article.lead}</p>
              {styled(article.body)}
            </mj-text>
          </mj-column>
        </mj-section>
      ) as Element,
  );
}

/** The article's picture at its fixed width, with its caption under it. */
function ArticleImage(image: EmailImage): Element[] {
  return [
    (<mj-image src={image.url} alt={image.alt} width={`${image.width}px`} align="left" padding={`0 ${layout.gutter}px ${image.caption ? 4 : 16}px`} />) as Element,
    image.caption
      ? ((
          <mj-text font-size="14px" line-height="20px" color={palette.muted}>
            <p style="margin:0 0 16px">{image.caption}</p>
          </mj-text>
        ) as Element)
      : null,
  ].filter((element): element is Element => element !== null);
}

function BlockColumn(block: EmailBlock): Element {
  return (
    <mj-column padding="8px" inner-background-color={palette.tint}>
      <mj-text padding="16px">
        <h2 style={headingStyle(20, 26, '0 0 8px')}>{block.title}</h2>
        {styled(block.body)}
      </mj-text>
    </mj-column>
  ) as Element;
}

/** The blocks two by two: side by side from 480 px, one under the other below (and where <style> is stripped). */
function Blocks(model: EmailModel): Element[] {
  const rows: EmailBlock[][] = [];
  for (let index = 0; index < model.blocks.length; index += 2) rows.push(model.blocks.slice(index, index + 2));
  return rows.map(
    (row, index) =>
      (
        <mj-section background-color={palette.paper} padding={`${index === 0 ? 16 : 0}px 16px ${index === rows.length - 1 ? 24 : 0}px`}>
          {row.map(BlockColumn)}
        </mj-section>
      ) as Element,
  );
}

function Footer(model: EmailModel): Element {
  const { contact } = model;
  const onDark = `color:${white};text-decoration:underline`;
  const lines = [contact.phone, contact.email, contact.website].filter((link): link is EmailLink => link !== undefined);
  return (
    <mj-section background-color={palette.brandDark} padding="24px 0">
      <mj-column>
        <mj-text color={white} font-size="15px" line-height="22px">
          <p style={`margin:0;font-weight:bold;color:${white}`}>{contact.organisation}</p>
          {contact.address.map((line) => (
            <p style={`margin:0;color:${white}`}>{line}</p>
          ))}
          {lines.map((link) => (
            <p style={`margin:0;color:${white}`}>{Link(link, onDark)}</p>
          ))}
        </mj-text>
      </mj-column>
    </mj-section>
  ) as Element;
}

function Subscription(model: EmailModel): Element {
  const { notice, links } = subscriptionFooter(model);
  return (
    <mj-section padding="16px 0 32px">
      <mj-column>
        <mj-text font-size="14px" line-height="20px" color={palette.muted}>
          {notice ? (
            <p style="margin:0 0 8px">
              {notice.before}
              {notice.link ? Link(notice.link) : null}
              {notice.after}
            </p>
          ) : null}
          <p style="margin:0">{links.flatMap((link, index) => [index > 0 ? ' · ' : null, Link(link)])}</p>
        </mj-text>
      </mj-column>
    </mj-section>
  ) as Element;
}

/** The MJML document of one newsletter email. */
export function newsletterMjml(model: EmailModel): Root {
  const document = (
    <mjml lang="sv">
      <mj-head>
        <mj-title>{model.title}</mj-title>
        <mj-preview>{model.preheader}</mj-preview>
        <mj-breakpoint width="480px" />
        <mj-attributes>
          <mj-all font-family={fontFamily} />
          <mj-text font-size="16px" line-height="24px" color={palette.ink} padding={`0 ${layout.gutter}px`} />
        </mj-attributes>
      </mj-head>
      <mj-body width={`${layout.width}px`} background-color={palette.backdrop}>
        {Top(model)}
        {Masthead(model)}
        {Editorial(model)}
        {Articles(model)}
        {Blocks(model)}
        {Footer(model)}
        {Subscription(model)}
      </mj-body>
    </mjml>
  ) as Element;
  return { type: 'root', children: [document] };
}
