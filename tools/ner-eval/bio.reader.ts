// Reads character-per-line NER files (the CoNLL layout public Chinese NER sets use): one token and its tag per
// line, tab or space separated, a blank line between sentences. Tags are BIO (B-X, I-X, O); BIOES/BMES tags
// (E-, S-, M-) are read too, since several public sets use them.

/** The entity types the scorer compares; other types in a file are read and then left out of the scores. */
export const NER_TYPES = ['PER', 'LOC', 'ORG'] as const;
export type NerType = (typeof NER_TYPES)[number];

/** A typed span of a sentence, UTF-16 offsets into its text (end exclusive), as the tagger's mentions are. */
export interface TypedSpan {
  type: string;
  start: number;
  end: number;
}

export interface BioSentence {
  /** 1-based line of the file where the sentence starts, for error reports. */
  line: number;
  text: string;
  spans: TypedSpan[];
}

export class BioFormatError extends Error {}

/** Other sets' names for the three types (OntoNotes, People's Daily variants). */
const TYPE_ALIASES: Record<string, string> = { PERSON: 'PER', NR: 'PER', NS: 'LOC', NT: 'ORG', GPE: 'LOC', LOCATION: 'LOC', ORGANIZATION: 'ORG' };

const normalizeType = (type: string): string => TYPE_ALIASES[type.toUpperCase()] ?? type.toUpperCase();

/**
 * Parses a whole file. An I- tag that does not continue a span of its type opens one (the CoNLL reading),
 * so a file with such slips still scores instead of failing; a line without a tag is an error.
 */
export function readBio(content: string): BioSentence[] {
  const sentences: BioSentence[] = [];
  let chars: string[] = [];
  let spans: TypedSpan[] = [];
  let open: TypedSpan | null = null;
  let at = 0;
  let firstLine = 1;

  const close = () => {
    if (open) spans.push(open);
    open = null;
  };
  const flush = () => {
    close();
    if (chars.length > 0) sentences.push({ line: firstLine, text: chars.join(''), spans });
    chars = [];
    spans = [];
    at = 0;
  };

  const lines = content.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (chars.length === 0) firstLine = index + 1;
    const match = /^(\S+)[\t ]+(\S+)\s*$/.exec(line) ?? /^([\t ])\t(\S+)\s*$/.exec(line);
    if (!match) throw new BioFormatError(`line ${index + 1}: expected "TOKEN TAG", got ${JSON.stringify(line.slice(0, 40))}`);
    const [, token, tag] = match;
    const start = at;
    at += token.length;
    chars.push(token);
    if (tag === 'O') {
      close();
      continue;
    }
    const tagMatch = /^([BIESM])[-_](.+)$/.exec(tag);
    if (!tagMatch) throw new BioFormatError(`line ${index + 1}: tag ${JSON.stringify(tag)} is not O, B-X, I-X, E-X, S-X or M-X`);
    const [, position, rawType] = tagMatch;
    const type = normalizeType(rawType);
    const continues = open !== null && open.type === type && (position === 'I' || position === 'M' || position === 'E');
    if (continues && open) {
      open.end = at;
    } else {
      close();
      open = { type, start, end: at };
    }
    if (position === 'E' || position === 'S') close();
  }
  flush();
  return sentences;
}
