import { z } from 'zod';

/**
 * One zod schema per content type: the runtime check and, through z.infer, the TypeScript
 * type. Messages are Swedish because editors read them; the field path is added by validate.ts.
 */

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().regex(slugPattern, 'förväntat ett namn med bara a–z, siffror och bindestreck');

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date (Europe/Stockholm), written ÅÅÅÅ-MM-DD; impossible dates are refused. */
export const calendarDate = z.string().refine(
  (value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  },
  { message: 'förväntat ett datum som finns, skrivet ÅÅÅÅ-MM-DD', params: { rule: 'invalid-date' } },
);

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
    { message: 'förväntat ÅÅÅÅ, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD', params: { rule: 'invalid-date' } },
  );

const text = z.string().trim().min(1, 'får inte vara tomt');
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
  newsletter: z
    .strictObject({
      name: text,
      viewInBrowser: text.optional(),
      subscriptionNotice: text.optional(),
      unsubscribeUrl: z.string().optional(),
    })
    .optional(),
});

export const areaSchema = z.strictObject({
  title: text,
  summary: text,
  order: z.number().int('förväntat ett heltal'),
  contact: contactSchema.optional(),
});

export const reportSchema = z.strictObject({
  title: text,
  published: calendarDate,
  description: text.optional(),
});

export const goalStatuses = ['uppfyllt', 'delvis-uppfyllt', 'ej-uppfyllt', 'pagaende'] as const;

export const keyFigureSchema = z.strictObject({
  label: text,
  value: z.number({ error: 'förväntat ett tal' }),
  unit: text.optional(),
  previous: z.number({ error: 'förväntat ett tal' }).optional(),
});

export const goalSchema = z.strictObject({
  number: z.number().int('förväntat ett heltal').positive('förväntat ett heltal större än 0'),
  area: slug,
  statement: text,
  status: z.enum(goalStatuses).optional(),
  statusNote: text.optional(),
  projects: z.array(slug).default([]),
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
});

export const newsSchema = z.strictObject({
  title: text,
  date: calendarDate,
  areas: z.array(slug).default([]),
  projects: z.array(slug).default([]),
  lead: text,
  draft: z.boolean().default(false),
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

export type SiteData = z.infer<typeof siteSchema>;
export type AreaData = z.infer<typeof areaSchema>;
export type ReportData = z.infer<typeof reportSchema>;
export type GoalData = z.infer<typeof goalSchema>;
export type GoalStatus = (typeof goalStatuses)[number];
export type KeyFigure = z.infer<typeof keyFigureSchema>;
export type ProjectData = z.infer<typeof projectSchema>;
export type ProjectStatus = (typeof projectStatuses)[number];
export type NewsData = z.infer<typeof newsSchema>;
export type NewsletterData = z.infer<typeof newsletterSchema>;
