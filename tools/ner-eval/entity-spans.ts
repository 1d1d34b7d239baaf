// The tagger's entities as the typed spans a flat NER set is scored on.
import type { Entities } from '@baoxun/shared/contracts/article.contract';
import type { NerType, TypedSpan } from './bio.reader';

const TYPE_OF: ReadonlyArray<[keyof Entities, NerType]> = [
  ['people', 'PER'],
  ['places', 'LOC'],
  ['organizations', 'ORG'],
];

/** Every mention of a person, place or organization in the body field; campaign terms have no NER type. */
export function entitySpans(entities: Entities): TypedSpan[] {
  const spans: TypedSpan[] = [];
  for (const [group, type] of TYPE_OF) {
    for (const entity of entities[group]) {
      for (const mention of entity.mentions) if (mention.field === 'body') spans.push({ type, start: mention.start, end: mention.end });
    }
  }
  return spans;
}
