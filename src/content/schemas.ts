import { z } from 'zod';

/**
 * One zod schema per content type: the runtime check and, through z.infer, the TypeScript
 * type. Messages are Swedish because editors read them; the field path is added by validate.ts.
 */

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(slugPattern, 'förväntat ett namn med bara a–z, siffror och bindestreck');

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The years content may be dated: the association's own time, with room; 0001 or 2202 is a slip of the keyboard. */
export const yearRange = { first: 1900, last: 2099 } as const;

const plausibleYear = (value: string) => {
  const year = /^(\d{4})/.exec(value)?.[1];
  return year === undefined || (Number(year) >= yearRange.first && Number(year) <= yearRange.last);
};
const yearMessage = { message: `förväntat ett årtal från ${yearRange.first} till ${yearRange.last}`, params: { rule: 'invalid-date' } };

/** A calendar date (Europe/Stockholm), written ÅÅÅÅ-MM-DD; impossible dates are refused. */
export const calendarDate = z
  .string()
  .refine(
    (value) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
    },
    { message: 'förväntat ett datum som finns, skrivet ÅÅÅÅ-MM-DD', params: { rule: 'invalid-date' }, abort: true },
  )
  .refine(plausibleYear, yearMessage);

/** A date as precise as it is known: ÅÅÅÅ, ÅÅÅÅ-MM or ÅÅÅÅ-MM-DD (project start and end). */
export const partialDate = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .refine(
    (value) => {
      const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
      if (!match) return false;
      const month = match[2] ? Number(match[2]) : 1;
      if (month < 1 || month > 12) return false;
      return match[3] ? isCalendarDate(Number(match[1]), month, Number(match[3])) : true;
    },
    { message: 'förväntat ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD', params: { rule: 'invalid-date' }, abort: true },
  )
  .refine(plausibleYear, yearMessage);

const text = z.string().trim().min(1, 'får inte vara tomt');

/**
 * A number as an editor writes it: 2.7, or the Swedish way, 2,7 (and 255 680 with spaces).
 * YAML reads "2,7" as text; it is taken as the number it plainly is.
 */
export const decimal = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*[-−]?\d{1,3}(?:[ \u00a0]?\d{3})*(?:,\d+)?\s*$|^\s*[-−]?\d+(?:,\d+)?\s*$/.test(value) ? Number(value.replace(/[\s\u00a0]/g, '').replace('−', '-').replace(',', '.')) : value),
  z.number({ error: 'förväntat ett tal, t.ex. 2.7 eller 2,7 (utan enhet; enheten skrivs i unit)' }),
);
const url = z.url({ protocol: /^https?$/, error: 'förväntat en webbadress som börjar med https:// eller http://' });
const email = z.email({ error: 'förväntat en e-postadress' });

export const contactSchema = z.strictObject({
  name: text.optional(),
  role: text.optional(),
  email: email.optional(),
  phone: text.optional(),
});

export const siteSchema = z.strictObject({
  organisation: text,
  title: text,
  description: text,
  baseUrl: url,
  language: z.literal('sv', { error: 'verksam skriver svenska webbplatser: förväntat "sv"' }).default('sv'),
  contact: z.strictObject({
    phone: text.optional(),
    email: email.optional(),
    website: url.optional(),
    address: z.array(text).optional(),
  }),
  navigation: z
    .array(z.strictObject({ title: text, url: z.string().regex(/^\/[a-z0-9\-/]*$/, 'förväntat en adress på webbplatsen som börjar med /') }))
    .default([]),
  report: z
    .strictObject({
      /** What the organisation calls its report: "Verksamhetsberättelse", "Årsredovisning", … */
      name: text.default('Verksamhetsberättelse'),
      plural: text.default('Verksamhetsberättelser'),
      /** What a plan year is called. */
      planName: text.default('Verksamhetsplan'),
      /** The reports' address on the site: /verksamhetsberattelse/2019/. */
      path: slug.default('verksamhetsberattelse'),
      /** The sections of a goal's text, as `##` headings, in this order. */
      sections: z.array(text).default(['Aktiviteter', 'Indikatorer', 'Uppföljning']),
      /** Whether every goal must have every section (an empty heading is never shown). */
      sectionsRequired: z.boolean().default(true),
      /** The section a goal's indicator table goes in; a goal with indicators in its front matter needs no text there. */
      indicatorSection: text.default('Indikatorer'),
      /** What groups the goals: the areas of operations, by the organisation's name for them. */
      groupName: text.default('Verksamhetsområde'),
      groupPlural: text.default('Verksamhetsområden'),
      /**
       * How a goal's or indicator's status is set: only by the organisation (`stated`), or also
       * computed from the indicators' targets and outcomes (`computed`: met at `met` per cent of
       * the target, partly at `partly` per cent).
       */
      assessment: z
        .discriminatedUnion('rule', [
          z.strictObject({ rule: z.literal('stated') }),
          z.strictObject({ rule: z.literal('computed'), met: decimal.default(100), partly: decimal.default(80) }),
        ])
        .default({ rule: 'stated' }),
    })
    .prefault({}),
  newsletter: z
    .strictObject({
      name: text,
      viewInBrowser: text.optional(),
      subscriptionNotice: text.optional(),
      unsubscribeUrl: z.string().optional(),
    })
    .optional(),
});

/** Image files verksam can read: the path of one, relative to the content folder. */
export const imageExtensions = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;
export const imagePathPattern = /^(?:[A-Za-z0-9_][A-Za-z0-9._ -]*\/)*[A-Za-z0-9_][A-Za-z0-9._ -]*\.(?:jpe?g|png|webp|avif)$/i;

/**
 * An image beside a news item, project or area. Alt text is required: only an image marked
 * `decorative: true` may (and must) go without it.
 */
export const imageSchema = z
  .strictObject({
    src: z
      .string()
      .regex(imagePathPattern, 'förväntat sökvägen till en bild i innehållsmappen, t.ex. bilder/foto.jpg (jpg, png, webp eller avif)'),
    alt: z.string().trim().optional(),
    decorative: z.boolean().default(false),
    caption: text.optional(),
  })
  .superRefine((image, context) => {
    if (!image.decorative && !image.alt) {
      context.addIssue({
        code: 'custom',
        path: ['alt'],
        message: 'förväntat en alt-text som säger vad bilden visar; en bild som bara pryder sidan får decorative: true',
        params: { rule: 'missing-alt' },
      });
    }
    if (image.decorative && image.alt) {
      context.addIssue({
        code: 'custom',
        path: ['alt'],
        message: 'en dekorativ bild (decorative: true) läses inte upp och ska inte ha alt-text; ta bort alt eller decorative',
      });
    }
  });

export const areaSchema = z.strictObject({
  title: text,
  summary: text,
  order: z.number().int('förväntat ett heltal'),
  contact: contactSchema.optional(),
  image: imageSchema.optional(),
});

export const goalStatuses = ['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt', 'pagaende'] as const;

export const keyFigureSchema = z
  .strictObject({
    label: text,
    /** The figure's name in every year's report, so the years' values line up (never by label: a label may be reworded). */
    id: slug.optional(),
    value: decimal,
    unit: text.optional(),
    /** The value the year before. */
    previous: decimal.optional(),
    /** The change from the year before in per cent, when the text states it but not the value. */
    change: decimal.optional(),
  })
  .superRefine((figure, context) => {
    if (figure.previous !== undefined && figure.change !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['change'],
        message: 'ange antingen previous (fjolårets värde) eller change (förändringen i procent), inte båda: förändringen räknas ut från previous',
      });
    }
  });

/** What a qualitative indicator's outcome may be: done, partly done, not done. */
export const indicatorResults = ['genomfort', 'delvis-genomfort', 'ej-genomfort'] as const;

/**
 * One indicator of a goal: what is measured, and as far as the organisation states them, the
 * target, this year's outcome (a number, or for a qualitative indicator a result), earlier
 * years' outcomes, which direction is better, a comment and a source. `id` names the indicator
 * the same way in every year's goal file, so its values form a series.
 */
export const indicatorSchema = z.strictObject({
  text,
  id: slug.optional(),
  /** A number (in `unit`) or words, such as "minst fyra tillfällen". */
  target: z.union([decimal, text]).optional(),
  unit: text.optional(),
  outcome: decimal.optional(),
  /** Outcomes of earlier years that this report states, by year. */
  earlier: z.record(z.string().regex(/^\d{4}$/, 'förväntat ett årtal, t.ex. 2018'), decimal).optional(),
  result: z.enum(indicatorResults).optional(),
  better: z.enum(['higher', 'lower']).default('higher'),
  /** The organisation's own assessment of the indicator. */
  status: z.enum(['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt']).optional(),
  comment: text.optional(),
  source: text.optional(),
});

export const reportSchema = z.strictObject({
  title: text,
  published: calendarDate,
  description: text.optional(),
  /** Figures for the year as a whole, beside the goals' own. */
  keyFigures: z.array(keyFigureSchema).default([]),
  /** A plan for the year: goals and targets, no follow-up yet. */
  plan: z.boolean().default(false),
});

export const goalSchema = z.strictObject({
  number: z.number().int('förväntat ett heltal').positive('förväntat ett heltal större än 0'),
  /** The goal's name in every year it is followed, so the years link up (and its indicators form series). */
  id: slug.optional(),
  area: slug,
  statement: text,
  status: z.enum(goalStatuses).optional(),
  statusNote: text.optional(),
  projects: z.array(slug).default([]),
  indicators: z.array(indicatorSchema).default([]),
  keyFigures: z.array(keyFigureSchema).default([]),
});

export const projectStatuses = ['pagaende', 'avslutat'] as const;

export const projectSchema = z.strictObject({
  title: text,
  area: slug,
  summary: text,
  status: z.enum(projectStatuses),
  start: partialDate.optional(),
  end: partialDate.optional(),
  funding: z.array(text).default([]),
  partners: z.array(text).default([]),
  website: url.optional(),
  image: imageSchema.optional(),
});

export const newsSchema = z.strictObject({
  title: text,
  date: calendarDate,
  areas: z.array(slug).default([]),
  projects: z.array(slug).default([]),
  lead: text,
  draft: z.boolean().default(false),
  image: imageSchema.optional(),
});

export const newsletterBlockSchema = z.strictObject({ title: text, body: text });

export const newsletterSchema = z.strictObject({
  number: z.number().int('förväntat ett heltal').positive('förväntat ett heltal större än 0'),
  date: calendarDate,
  title: text,
  preheader: text.optional(),
  articles: z.array(slug).default([]),
  blocks: z.array(newsletterBlockSchema).default([]),
  draft: z.boolean().default(false),
});

/**
 * A free page (content/sidor/<slug>.md): Om oss, Styrelse, Kontakt. `lead` is required, as for a
 * news item: it opens the page and is its description for search engines and shared links.
 * `menu` puts the page in the main menu at that place, counted from 1 among site.yaml's entries.
 */
export const pageSchema = z.strictObject({
  title: text,
  lead: text,
  menu: z.number().int('förväntat ett heltal').positive('förväntat ett heltal större än 0, platsen i menyn räknat från 1').optional(),
});

/** How well the site meets the law (DOS-lagen): fully, partly or not compliant. */
export const complianceLevels = ['helt', 'delvis', 'inte'] as const;
/** Why content is not accessible: it fails the requirements, or fixing it would be an undue burden. */
export const shortcomingReasons = ['brist', 'oskaligt-betungande'] as const;

/**
 * The accessibility statement (tillgänglighetsredogörelse) with the items Digg requires, in
 * content/tillganglighet.md. Its body (optional) is shown under the introduction.
 */
export const accessibilitySchema = z
  .strictObject({
    compliance: z.enum(complianceLevels),
    standard: text.default('WCAG 2.1 nivå AA'),
    /** The day the last assessment was made. */
    assessed: calendarDate,
    /** How the site was assessed, one item per method. */
    method: z.array(text).min(1, 'förväntat minst en metod'),
    /** The day the statement was last updated. */
    updated: calendarDate,
    /** The day the site was published, when known. */
    published: calendarDate.optional(),
    contact: z.strictObject({
      email,
      phone: text.optional(),
      /** How soon people may expect an answer, e.g. "inom två arbetsdagar". */
      responseTime: text.optional(),
    }),
    shortcomings: z
      .array(z.strictObject({ title: text, description: text, reason: z.enum(shortcomingReasons), plan: text.optional() }))
      .default([]),
    exemptions: z.array(z.strictObject({ title: text, description: text })).default([]),
  })
  .superRefine((statement, context) => {
    if (statement.compliance === 'helt' && statement.shortcomings.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['compliance'],
        message: 'en webbplats med kända brister är inte helt förenlig med lagen: skriv delvis, eller ta bort bristerna när de är åtgärdade',
      });
    }
    if (statement.compliance !== 'helt' && statement.shortcomings.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['shortcomings'],
        message: 'beskriv bristerna under shortcomings när webbplatsen inte är helt förenlig med lagen',
      });
    }
  });

export type SiteData = z.infer<typeof siteSchema>;
export type AreaData = z.infer<typeof areaSchema>;
export type ReportData = z.infer<typeof reportSchema>;
export type GoalData = z.infer<typeof goalSchema>;
export type GoalStatus = (typeof goalStatuses)[number];
export type KeyFigure = z.infer<typeof keyFigureSchema>;
export type IndicatorData = z.infer<typeof indicatorSchema>;
export type IndicatorResult = (typeof indicatorResults)[number];
export type ReportSettings = SiteData['report'];
export type ProjectData = z.infer<typeof projectSchema>;
export type ProjectStatus = (typeof projectStatuses)[number];
export type NewsData = z.infer<typeof newsSchema>;
export type NewsletterData = z.infer<typeof newsletterSchema>;
export type ImageData = z.infer<typeof imageSchema>;
export type PageData = z.infer<typeof pageSchema>;
export type AccessibilityData = z.infer<typeof accessibilitySchema>;
export type ComplianceLevel = (typeof complianceLevels)[number];
