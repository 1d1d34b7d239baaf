import { z } from 'zod';
import { PageRefSchema } from './page.contract';

export const BylineSchema = z.object({
  /** The byline as printed, e.g. 株洲日报讯(全媒体记者/周菁 通讯员/雷茵); byline mentions index into it. */
  text: z.string(),
  dateline: z.string().nullable(),
  reporters: z.array(z.string()),
  correspondents: z.array(z.string()),
});
export type Byline = z.infer<typeof BylineSchema>;

/**
 * A dateline printed inside an article's body (a roundup's 新华社开罗5月2日电, 据新华社日内瓦5月1日电): the source, the
 * place and the date as printed, and where it starts in the body. The article's first dateline is its byline's.
 */
export const DatelineSchema = z.object({
  /** The dateline as printed, e.g. 据新华社日内瓦5月1日电. */
  text: z.string(),
  /** Who filed it: 新华社, 本报, 中新社, 人民日报 (without a leading 据). */
  agency: z.string(),
  place: z.string().nullable(),
  /** As printed, e.g. 5月1日; null when none is given (据新华社电). */
  date: z.string().nullable(),
  /** UTF-16 offset into the body where the dateline starts. */
  offset: z.number().int().nonnegative(),
});
export type Dateline = z.infer<typeof DatelineSchema>;

export const ContinuationSchema = z.object({ toPage: z.string(), marker: z.string() });
export const ContinuedFromSchema = z.object({ fromPage: z.string(), marker: z.string() });

/** What the page parser makes of one article, before any ids or tags. */
export const ArticleTextSchema = z.object({
  order: z.number().int().nonnegative(),
  kicker: z.string().nullable(),
  headline: z.string(),
  subheadlines: z.array(z.string()),
  byline: BylineSchema.nullable(),
  /** Clean text, paragraphs joined by "\n". */
  body: z.string(),
  continuation: ContinuationSchema.nullable(),
  continuedFrom: ContinuedFromSchema.nullable(),
  /** Datelines inside the body, in order; parsing a message from an older parser (none) gives []. */
  datelines: z.array(DatelineSchema).default([]),
});
/**
 * Parsing always yields `datelines`; a value built in code may leave it out (messages and fixtures from before
 * parser-1.1.0), so readers use `article.datelines ?? []`.
 */
type OptionalDatelines<T extends { datelines: Dateline[] }> = Omit<T, 'datelines'> & { datelines?: Dateline[] };
export type ArticleText = OptionalDatelines<z.infer<typeof ArticleTextSchema>>;

/** A field of an article a mention points into; subheadline mentions also carry `index`. */
export const MentionFieldSchema = z.enum(['kicker', 'headline', 'subheadline', 'byline', 'body']);
export type MentionField = z.infer<typeof MentionFieldSchema>;

export const MentionSchema = z.object({
  field: MentionFieldSchema,
  /** Which subheadline, for field "subheadline". */
  index: z.number().int().nonnegative().optional(),
  /** UTF-16 offsets into the field's string, end exclusive (JavaScript string indices). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The text as written at that place. */
  text: z.string(),
});
export type Mention = z.infer<typeof MentionSchema>;

export const PersonEntitySchema = z.object({ name: z.string(), roles: z.array(z.string()), mentions: z.array(MentionSchema) });
export const PlaceEntitySchema = z.object({
  name: z.string(),
  /** GB/T 2260 code when the place is an administrative division. */
  code: z.string().nullable(),
  /** The division's standard name when it differs from the text (short forms, scanner misspellings). */
  canonicalName: z.string().nullable(),
  /** Parent divisions, outermost first. */
  parents: z.array(z.object({ code: z.string(), name: z.string() })),
  mentions: z.array(MentionSchema),
});
export const NamedEntitySchema = z.object({
  name: z.string(),
  /** An organization's full name where the text gives a short form (省委 on a 湖南日报 page: 中共湖南省委). */
  canonicalName: z.string().optional(),
  mentions: z.array(MentionSchema),
});

export const EntitiesSchema = z.object({
  people: z.array(PersonEntitySchema),
  places: z.array(PlaceEntitySchema),
  organizations: z.array(NamedEntitySchema),
  campaigns: z.array(NamedEntitySchema),
});
export type Entities = z.infer<typeof EntitiesSchema>;
export type PersonEntity = z.infer<typeof PersonEntitySchema>;
export type PlaceEntity = z.infer<typeof PlaceEntitySchema>;
export type NamedEntity = z.infer<typeof NamedEntitySchema>;

/** An article as published by the parser (articles.parsed). */
export const ArticleParsedSchema = ArticleTextSchema.extend({
  id: z.string().min(1),
  pageId: z.string().min(1),
  page: PageRefSchema,
  /** Content hash of the page version this article was cut from. */
  pageVersion: z.string().min(1),
  /** When ingest received that page version (orders re-scans). */
  pageReceivedAt: z.iso.datetime(),
  parserVersion: z.string(),
  correlationId: z.string().min(1),
});
export type ArticleParsed = OptionalDatelines<z.infer<typeof ArticleParsedSchema>>;

/** An article with its entities (articles.enriched): what the api stores and serves. */
export const ArticleEnrichedSchema = ArticleParsedSchema.extend({
  entities: EntitiesSchema,
  taggerVersion: z.string(),
  /** parserVersion+taggerVersion: lets operators find documents an older pipeline made. */
  pipelineVersion: z.string(),
});
export type ArticleEnriched = OptionalDatelines<z.infer<typeof ArticleEnrichedSchema>>;
