import type { NewsItem, Report, Site } from '../../src/content/graph.js';
import { imagePlan } from '../../src/images/variants.js';
import type { ReportPdf } from '../../src/routes/routes.js';
import { absoluteUrl, urls } from '../../src/routes/urls.js';

/*
 * schema.org data about the pages, for search engines (JSON-LD): the organisation on the start
 * page, each news item as a NewsArticle and each annual report as a Report. Every URL is
 * absolute; the base path is part of the site's base URL.
 */

const absolute = (site: Site, path: string) => absoluteUrl(site.baseUrl, path);

/** The organisation behind the site. */
export function organisation(site: Site): Record<string, unknown> {
  return {
    '@type': 'Organization',
    name: site.organisation,
    url: site.contact.website ?? site.baseUrl,
    ...(site.contact.email ? { email: site.contact.email } : {}),
    ...(site.contact.phone ? { telephone: site.contact.phone } : {}),
  };
}

export function organisationJsonLd(site: Site): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    ...organisation(site),
    description: site.description,
    ...(site.contact.address ? { address: site.contact.address.join(', ') } : {}),
  };
}

export function newsArticleJsonLd(item: NewsItem, site: Site): Record<string, unknown> {
  const url = absolute(site, urls.newsItem(item));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: item.title,
    description: item.lead,
    datePublished: item.date,
    dateModified: item.date,
    inLanguage: 'sv',
    url,
    mainEntityOfPage: url,
    ...(item.image ? { image: [absolute(site, imagePlan(item.image.file).fallback.url)] } : {}),
    ...(item.areas.length > 0 ? { about: item.areas.map((area) => area.title) } : {}),
    author: organisation(site),
    publisher: organisation(site),
  };
}

export function reportJsonLd(report: Report, site: Site, pdf: ReportPdf | undefined): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: report.title,
    headline: report.title,
    datePublished: report.published,
    inLanguage: 'sv',
    url: absolute(site, urls.report(report)),
    author: organisation(site),
    publisher: organisation(site),
    ...(report.description ? { description: report.description } : {}),
    ...(pdf
      ? {
          encoding: {
            '@type': 'MediaObject',
            contentUrl: absolute(site, pdf.url),
            encodingFormat: 'application/pdf',
            contentSize: `${pdf.bytes} B`,
          },
        }
      : {}),
  };
}
