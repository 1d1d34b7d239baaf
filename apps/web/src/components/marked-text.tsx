import { entityPath, type Mark, markRuns } from '../lib/marks';
import { Link } from '../lib/router';

/**
 * A field's text with its entity mentions marked: each mark is a link to the entity's page (so Tab reaches it),
 * coloured by kind, with the kind and the entity's roles or division chain in its title. data-start/data-end are
 * the mention's offsets in the field, for tests and for anyone checking the tagger.
 */
export function MarkedText({ text, marks, offset = 0, field }: { text: string; marks: readonly Mark[] | undefined; offset?: number; field: string }) {
  const runs = markRuns(text, marks ?? [], offset);
  return (
    <>
      {runs.map((run) =>
        run.mark ? (
          <Link
            key={run.start}
            href={entityPath(run.mark.kind, run.mark.key)}
            className={`mark kind-${run.mark.kind}`}
            title={run.mark.title}
            data-kind={run.mark.kind}
            data-entity={run.mark.name}
            data-field={field}
            data-start={run.start}
            data-end={run.start + run.text.length}
          >
            {run.text}
          </Link>
        ) : (
          <span key={run.start}>{run.text}</span>
        ),
      )}
    </>
  );
}
