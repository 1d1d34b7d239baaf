import { z } from 'zod';
import { BylineSchema, DatelineSchema, MentionSchema } from './article.contract';

// The api's HTTP responses. The api builds its OpenAPI document from these schemas (zod `.meta` carries the
// component name and an example), and its integration tests parse real responses with them.

const pageRef = { source: '株洲日报', date: '2024-02-23', page: '01' };

export const PageRefViewSchema = z
  .object({ source: z.string(), date: z.string().meta({ format: 'date' }), page: z.string() })
  .meta({ id: 'PageRef', description: 'A printed page: paper, edition date, page number.', example: pageRef });

export const ParentDivisionSchema = z.object({ code: z.string(), name: z.string() }).meta({ id: 'ParentDivision', example: { code: '430000', name: '湖南省' } });

const mentionExample = { field: 'body', start: 12, end: 15, text: '陈正明' };

/** Entities of one stored article part, with mention offsets into that part's fields. */
export const PartEntitiesSchema = z
  .object({
    people: z.array(z.object({ name: z.string(), roles: z.array(z.string()), mentions: z.array(MentionSchema) })),
    places: z.array(
      z.object({ name: z.string(), code: z.string().nullable(), canonicalName: z.string().nullable(), parents: z.array(ParentDivisionSchema), mentions: z.array(MentionSchema) }),
    ),
    organizations: z.array(z.object({ name: z.string(), mentions: z.array(MentionSchema) })),
    campaigns: z.array(z.object({ name: z.string(), mentions: z.array(MentionSchema) })),
  })
  .meta({
    id: 'PartEntities',
    example: {
      people: [{ name: '陈正明', roles: ['市委书记'], mentions: [mentionExample] }],
      places: [{ name: '株洲', code: '430200', canonicalName: '株洲市', parents: [{ code: '430000', name: '湖南省' }], mentions: [{ field: 'headline', start: 0, end: 2, text: '株洲' }] }],
      organizations: [],
      campaigns: [],
    },
  });

/** A mention in a stitched article: which part it is in; body offsets index the whole article's body. */
export const WholeMentionSchema = MentionSchema.extend({ part: z.number().int().nonnegative() }).meta({
  id: 'WholeMention',
  example: { ...mentionExample, part: 0 },
});

export const WholeEntitiesSchema = z
  .object({
    people: z.array(z.object({ name: z.string(), roles: z.array(z.string()), mentions: z.array(WholeMentionSchema) })),
    places: z.array(
      z.object({ name: z.string(), code: z.string().nullable(), canonicalName: z.string().nullable(), parents: z.array(ParentDivisionSchema), mentions: z.array(WholeMentionSchema) }),
    ),
    organizations: z.array(z.object({ name: z.string(), mentions: z.array(WholeMentionSchema) })),
    campaigns: z.array(z.object({ name: z.string(), mentions: z.array(WholeMentionSchema) })),
  })
  .meta({ id: 'WholeEntities' });

const provenance = {
  pageVersion: z.string().meta({ description: 'Content hash of the page version the part was cut from.' }),
  parserVersion: z.string(),
  taggerVersion: z.string(),
  pipelineVersion: z.string().meta({ description: 'parserVersion+taggerVersion: which pipeline made the document.' }),
  correlationId: z.string().meta({ description: "The scanner's correlation id, carried through the pipeline." }),
  storedAt: z.iso.datetime(),
};

const continuationFields = {
  continuation: z.object({ toPage: z.string(), marker: z.string() }).nullable().meta({ description: 'The article continues on another page (▶▶下转02版②).' }),
  continuedFrom: z.object({ fromPage: z.string(), marker: z.string() }).nullable().meta({ description: 'This is the rest of an article from another page (▲▲上接01版②).' }),
};

const partExample = {
  id: 'ar_3f1c9a0b7d2e4c5a6b7c8d9e',
  pageId: 'pg_0a1b2c3d4e5f60718293a4b5',
  page: pageRef,
  order: 1,
  kicker: null,
  headline: '株洲召开全市工作会议',
  subheadlines: ['陈正明讲话'],
  byline: { text: '株洲日报讯(全媒体记者/周菁)', dateline: '株洲日报讯', reporters: ['周菁'], correspondents: [] },
  body: '2月22日,市委书记陈正明主持召开会议。',
  continuation: null,
  continuedFrom: null,
  datelines: [],
  pageVersion: '6c1f0e2d9a8b7c6d5e4f3a2b1c0d9e8f',
  parserVersion: 'parser-1',
  taggerVersion: 'tagger-1',
  pipelineVersion: 'parser-1+tagger-1',
  correlationId: 'scan-2024-02-23-p01',
  storedAt: '2024-02-23T08:00:00.000Z',
};

/** One stored article part exactly as the pipeline made it (GET /v1/pages/:id lists these). */
export const ArticlePartSchema = z
  .object({
    id: z.string(),
    pageId: z.string(),
    page: PageRefViewSchema,
    order: z.number().int(),
    kicker: z.string().nullable(),
    headline: z.string(),
    subheadlines: z.array(z.string()),
    byline: BylineSchema.nullable(),
    body: z.string(),
    ...continuationFields,
    datelines: z.array(DatelineSchema).meta({ description: "Datelines printed inside the body (a roundup's sources), with their body offsets." }),
    entities: PartEntitiesSchema,
    ...provenance,
  })
  .meta({ id: 'ArticlePart', example: { ...partExample, entities: { people: [{ name: '陈正明', roles: ['市委书记'], mentions: [{ field: 'body', start: 10, end: 13, text: '陈正明' }] }], places: [], organizations: [], campaigns: [] } } });
export type ArticlePart = z.infer<typeof ArticlePartSchema>;

export const PartRefSchema = z
  .object({
    id: z.string(),
    pageId: z.string(),
    page: PageRefViewSchema,
    order: z.number().int(),
    headline: z.string(),
    /** Where this part's body sits in the whole article's body (UTF-16 offsets, end exclusive). */
    bodyStart: z.number().int().nonnegative(),
    bodyEnd: z.number().int().nonnegative(),
    ...continuationFields,
    ...provenance,
  })
  .meta({ id: 'ArticlePartRef' });

/** GET /v1/articles/:id: the article whole, stitched across pages, with each part's page. */
export const WholeArticleSchema = z
  .object({
    id: z.string().meta({ description: "The id of the article's first part (its head)." }),
    pageId: z.string(),
    page: PageRefViewSchema,
    order: z.number().int(),
    kicker: z.string().nullable(),
    headline: z.string(),
    subheadlines: z.array(z.string()),
    byline: BylineSchema.nullable(),
    body: z.string().meta({ description: "The parts' bodies joined in reading order; parts[].bodyStart/bodyEnd locate each." }),
    datelines: z.array(DatelineSchema).meta({ description: "Every part's inner datelines, offsets into the joined body." }),
    parts: z.array(PartRefSchema),
    complete: z.boolean().meta({ description: 'False while a page the article jumps to (or from) is not stored yet.' }),
    ...continuationFields,
    entities: WholeEntitiesSchema,
    ...provenance,
  })
  .meta({
    id: 'WholeArticle',
    example: {
      ...partExample,
      body: '2月22日,市委书记陈正明主持召开会议,要求全力推进项目建设。',
      continuation: null,
      parts: [
        { id: partExample.id, pageId: partExample.pageId, page: pageRef, order: 1, headline: partExample.headline, bodyStart: 0, bodyEnd: 19, continuation: { toPage: '02', marker: '②' }, continuedFrom: null, ...provenanceExample() },
        { id: 'ar_9e8d7c6b5a4f3e2d1c0b9a88', pageId: 'pg_1b2c3d4e5f60718293a4b5c6', page: { ...pageRef, page: '02' }, order: 4, headline: '', bodyStart: 19, bodyEnd: 30, continuation: null, continuedFrom: { fromPage: '01', marker: '②' }, ...provenanceExample() },
      ],
      complete: true,
      entities: { people: [{ name: '陈正明', roles: ['市委书记'], mentions: [{ field: 'body', start: 10, end: 13, text: '陈正明', part: 0 }] }], places: [], organizations: [], campaigns: [] },
    },
  });
export type WholeArticle = z.infer<typeof WholeArticleSchema>;

function provenanceExample() {
  return { pageVersion: partExample.pageVersion, parserVersion: 'parser-1', taggerVersion: 'tagger-1', pipelineVersion: 'parser-1+tagger-1', correlationId: 'scan-2024-02-23-p01', storedAt: partExample.storedAt };
}

/** A list item: the article part without mentions, with a snippet of its body. */
export const ArticleSummarySchema = z
  .object({
    id: z.string(),
    pageId: z.string(),
    page: PageRefViewSchema,
    order: z.number().int(),
    kicker: z.string().nullable(),
    headline: z.string(),
    subheadlines: z.array(z.string()),
    byline: BylineSchema.nullable(),
    snippet: z.string().meta({ description: 'The start of the body, or the text around the first match of q.' }),
    ...continuationFields,
    entities: z.object({
      people: z.array(z.object({ name: z.string(), roles: z.array(z.string()) })),
      places: z.array(z.object({ name: z.string(), code: z.string().nullable(), canonicalName: z.string().nullable() })),
      organizations: z.array(z.object({ name: z.string() })),
      campaigns: z.array(z.object({ name: z.string() })),
    }),
    score: z.number().nullable().meta({ description: 'Relevance to q when sort=relevance, otherwise null.' }),
    pipelineVersion: z.string(),
    storedAt: z.iso.datetime(),
  })
  .meta({
    id: 'ArticleSummary',
    example: {
      id: partExample.id,
      pageId: partExample.pageId,
      page: pageRef,
      order: 1,
      kicker: null,
      headline: partExample.headline,
      subheadlines: ['陈正明讲话'],
      byline: partExample.byline,
      snippet: '2月22日,市委书记陈正明主持召开会议。',
      continuation: null,
      continuedFrom: null,
      entities: { people: [{ name: '陈正明', roles: ['市委书记'] }], places: [{ name: '株洲', code: '430200', canonicalName: '株洲市' }], organizations: [], campaigns: [] },
      score: null,
      pipelineVersion: 'parser-1+tagger-1',
      storedAt: partExample.storedAt,
    },
  });
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;

export const ENTITY_TYPES = ['person', 'place', 'organization', 'campaign'] as const;
export const EntityTypeSchema = z.enum(ENTITY_TYPES).meta({ id: 'EntityType' });
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const FacetValueSchema = z
  .object({ type: EntityTypeSchema, name: z.string(), code: z.string().nullable(), count: z.number().int().nonnegative(), href: z.string() })
  .meta({ id: 'FacetValue', example: { type: 'place', name: '株洲市', code: '430200', count: 42, href: '/v1/entities/place/430200' } });

export const FacetsSchema = z
  .object({
    people: z.array(FacetValueSchema),
    places: z.array(FacetValueSchema),
    organizations: z.array(FacetValueSchema),
    campaigns: z.array(FacetValueSchema),
    scanned: z.number().int().nonnegative().meta({ description: 'How many matching articles (newest first) the counts cover.' }),
    complete: z.boolean().meta({ description: 'False when more articles matched than FACET_SAMPLE_SIZE: counts then cover the newest ones.' }),
  })
  .meta({
    id: 'Facets',
    example: {
      people: [{ type: 'person', name: '陈正明', code: null, count: 12, href: '/v1/entities/person/%E9%99%88%E6%AD%A3%E6%98%8E' }],
      places: [{ type: 'place', name: '株洲市', code: '430200', count: 42, href: '/v1/entities/place/430200' }],
      organizations: [],
      campaigns: [],
      scanned: 57,
      complete: true,
    },
  });
export type Facets = z.infer<typeof FacetsSchema>;

export const ArticleListSchema = z
  .object({
    items: z.array(ArticleSummarySchema),
    nextCursor: z.string().nullable().meta({ description: 'Pass back as cursor (with the same filters) for the next page; null on the last page.' }),
    /** Present when facets=true. */
    facets: FacetsSchema.nullable(),
  })
  .meta({ id: 'ArticleList', description: 'A page of articles; facets is present when facets=true.' });
export type ArticleList = z.infer<typeof ArticleListSchema>;

export const EntitySummarySchema = z
  .object({
    id: z.string(),
    type: EntityTypeSchema,
    name: z.string(),
    code: z.string().nullable().meta({ description: 'GB/T 2260 division code, for places that are divisions.' }),
    parents: z.array(ParentDivisionSchema).meta({ description: 'Parent divisions of a place, outermost first.' }),
    aliases: z.array(z.string()).meta({ description: 'The forms the name was written in.' }),
    roles: z.array(z.string()).meta({ description: 'Titles given to a person.' }),
    articleCount: z.number().int().nonnegative(),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    href: z.string(),
  })
  .meta({
    id: 'Entity',
    example: {
      id: 'place:430211',
      type: 'place',
      name: '天元区',
      code: '430211',
      parents: [{ code: '430000', name: '湖南省' }, { code: '430200', name: '株洲市' }],
      aliases: ['天元区'],
      roles: [],
      articleCount: 7,
      firstDate: '2024-01-03',
      lastDate: '2024-02-23',
      href: '/v1/entities/place/430211',
    },
  });
export type EntitySummary = z.infer<typeof EntitySummarySchema>;

export const EntityListSchema = z.object({ items: z.array(EntitySummarySchema), nextCursor: z.string().nullable() }).meta({ id: 'EntityList' });
export type EntityList = z.infer<typeof EntityListSchema>;

export const EntityDetailSchema = z
  .object({
    entity: EntitySummarySchema,
    articles: z.object({ items: z.array(ArticleSummarySchema), nextCursor: z.string().nullable(), href: z.string().meta({ description: 'The same list in /v1/articles, to page on.' }) }),
    /** The entities that appear in the same articles most often (who appears with whom). */
    related: FacetsSchema,
  })
  .meta({ id: 'EntityDetail', description: 'An entity, its newest articles, and in related the entities that appear in the same articles most often.' });
export type EntityDetail = z.infer<typeof EntityDetailSchema>;

/** An entity over time: articles per month and, for a person, each title the articles give with its first and last edition. */
export const EntityTimelineSchema = z
  .object({
    entity: EntitySummarySchema,
    months: z
      .array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), articles: z.number().int().nonnegative() }))
      .meta({ description: 'From the first month to the last, months without articles included.' }),
    roles: z
      .array(z.object({ role: z.string(), first: z.string(), last: z.string(), articles: z.number().int().nonnegative() }))
      .meta({ description: "A person's titles, earliest first (empty for other types)." }),
    scanned: z.number().int().nonnegative().meta({ description: 'How many of its articles (newest first) the figures cover.' }),
    complete: z.boolean().meta({ description: 'False when it has more articles than FACET_SAMPLE_SIZE: the figures then cover the newest ones.' }),
  })
  .meta({
    id: 'EntityTimeline',
    description: 'Articles per month and roles over time of one entity.',
    example: {
      entity: { id: 'person:陈正明', type: 'person', name: '陈正明', code: null, parents: [], aliases: ['陈正明'], roles: ['市委书记'], articleCount: 3, firstDate: '2024-01-03', lastDate: '2024-02-23', href: '/v1/entities/person/%E9%99%88%E6%AD%A3%E6%98%8E' },
      months: [
        { month: '2024-01', articles: 2 },
        { month: '2024-02', articles: 1 },
      ],
      roles: [{ role: '市委书记', first: '2024-01-03', last: '2024-02-23', articles: 3 }],
      scanned: 3,
      complete: true,
    },
  });
export type EntityTimeline = z.infer<typeof EntityTimelineSchema>;

export const PAGE_STATUSES = ['received', 'parsed', 'enriched', 'stored', 'dead-lettered'] as const;
export const PageStatusSchema = z.enum(PAGE_STATUSES).meta({
  id: 'PageStatus',
  description:
    'Of the newest version received: received (text in), parsed (the parser said which articles to expect), enriched (some of them stored), stored (all stored and served), dead-lettered (a message of this version could not be processed; see deadLetter).',
});

export const PageViewSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    date: z.string(),
    page: z.string(),
    status: PageStatusSchema,
    contentHash: z.string().meta({ description: 'The newest version received.' }),
    receivedAt: z.iso.datetime(),
    correlationId: z.string(),
    parserVersion: z.string().nullable(),
    expectedArticles: z.number().int().nullable(),
    storedArticles: z.number().int().nullable().meta({ description: 'Articles of the newest version stored so far.' }),
    storedAt: z.iso.datetime().nullable().meta({ description: 'When the served version was complete.' }),
    served: z
      .object({ contentHash: z.string(), receivedAt: z.iso.datetime(), storedAt: z.iso.datetime(), pipelineVersions: z.array(z.string()) })
      .nullable()
      .meta({ description: 'The version whose articles are served: the newest complete one (may be older than contentHash during a re-scan).' }),
    deadLetter: z.object({ stage: z.string(), subject: z.string(), reason: z.string(), failedAt: z.iso.datetime() }).nullable(),
    articles: z.array(ArticlePartSchema).meta({ description: 'The articles of the served version, in page order.' }),
  })
  .meta({
    id: 'Page',
    example: {
      id: partExample.pageId,
      source: '株洲日报',
      date: '2024-02-23',
      page: '01',
      status: 'stored',
      contentHash: partExample.pageVersion,
      receivedAt: '2024-02-23T07:59:58.000Z',
      correlationId: 'scan-2024-02-23-p01',
      parserVersion: 'parser-1',
      expectedArticles: 1,
      storedArticles: 1,
      storedAt: partExample.storedAt,
      served: { contentHash: partExample.pageVersion, receivedAt: '2024-02-23T07:59:58.000Z', storedAt: partExample.storedAt, pipelineVersions: ['parser-1+tagger-1'] },
      deadLetter: null,
      articles: [{ ...partExample, entities: { people: [], places: [], organizations: [], campaigns: [] } }],
    },
  });
export type PageView = z.infer<typeof PageViewSchema>;

export const RecountResultSchema = z
  .object({ entities: z.number().int(), articles: z.number().int() })
  .meta({ id: 'RecountResult', example: { entities: 1834, articles: 10412 } });

/** RFC 9457 problem details: every error the api returns has this shape (application/problem+json). */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'A URN naming the kind of problem.' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().meta({ description: 'The request path.' }),
    correlationId: z.string().optional(),
    errors: z.array(z.object({ parameter: z.string(), message: z.string() })).optional().meta({ description: 'Each invalid parameter, for 400.' }),
  })
  .meta({
    id: 'Problem',
    example: {
      type: 'urn:baoxun:problem:invalid-parameters',
      title: 'Bad Request',
      status: 400,
      detail: 'invalid query: person must be a string',
      instance: '/v1/articles',
      correlationId: '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5',
      errors: [{ parameter: 'person', message: 'must be a string' }],
    },
  });
export type Problem = z.infer<typeof ProblemSchema>;
