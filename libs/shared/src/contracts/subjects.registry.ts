import { z } from 'zod';
import { ArticleEnrichedSchema, ArticleParsedSchema } from './article.contract';
import { DeadLetterSchema } from './dead-letter.contract';
import { PageParsedSchema, PageReceivedSchema, PageSubmissionSchema, PageSubmitReplySchema } from './page.contract';

/**
 * Every subject baoxun speaks, with the schema both ends parse it with.
 * Publishers validate before sending; consumers validate on receipt.
 */
export const streams = {
  PAGES: { name: 'BAOXUN_PAGES', subjects: ['pages.received', 'pages.parsed'] },
  ARTICLES: { name: 'BAOXUN_ARTICLES', subjects: ['articles.parsed', 'articles.enriched'] },
  DLQ: { name: 'BAOXUN_DLQ', subjects: ['dlq.>'] },
} as const;

export type StreamKey = keyof typeof streams;

export interface EventSubject<S extends z.ZodType> {
  readonly subject: string;
  readonly stream: StreamKey;
  readonly schema: S;
}

export interface RequestSubject<Q extends z.ZodType, R extends z.ZodType> {
  readonly subject: string;
  readonly request: Q;
  readonly reply: R;
}

const event = <S extends z.ZodType>(subject: string, stream: StreamKey, schema: S): EventSubject<S> => ({ subject, stream, schema });

/** Core NATS request/reply: a scanner submits a page and learns its id or why it was rejected. */
export const pageSubmit: RequestSubject<typeof PageSubmissionSchema, typeof PageSubmitReplySchema> = {
  subject: 'pages.submit',
  request: PageSubmissionSchema,
  reply: PageSubmitReplySchema,
};

export const pageReceived = event('pages.received', 'PAGES', PageReceivedSchema);
export const pageParsed = event('pages.parsed', 'PAGES', PageParsedSchema);
export const articleParsed = event('articles.parsed', 'ARTICLES', ArticleParsedSchema);
export const articleEnriched = event('articles.enriched', 'ARTICLES', ArticleEnrichedSchema);

/** Dead letters of one stage (ingest, parser, enricher, api). */
export const deadLetter = (stage: string): EventSubject<typeof DeadLetterSchema> => event(`dlq.${stage}`, 'DLQ', DeadLetterSchema);

export const eventSubjects = [pageReceived, pageParsed, articleParsed, articleEnriched] as const;

/** Looks up the registry entry of a subject; unknown subjects are a programming error. */
export function eventSubjectFor(subject: string): EventSubject<z.ZodType> {
  if (subject.startsWith('dlq.')) return deadLetter(subject.slice(4));
  const found = eventSubjects.find((entry) => entry.subject === subject);
  if (!found) throw new Error(`Subject ${subject} is not in the registry`);
  return found;
}
