import { entityPath, type EntityKind, KIND_LABEL } from '../lib/marks';
import { Link } from '../lib/router';

/** A link to an entity's page, in its kind's colour. */
export function EntityChip({ kind, name, keyValue, extra }: { kind: EntityKind; name: string; keyValue?: string; extra?: string }) {
  return (
    <Link href={entityPath(kind, keyValue ?? name)} className={`chip kind-${kind}`} title={`${KIND_LABEL[kind]} · ${name}${extra ? ` · ${extra}` : ''}`}>
      {name}
      {extra ? <small>{extra}</small> : null}
    </Link>
  );
}

export function Legend() {
  return (
    <ul className="legend" aria-label="Colours of the marks">
      {(Object.keys(KIND_LABEL) as EntityKind[]).map((kind) => (
        <li key={kind}>
          <span className={`swatch kind-${kind}`} aria-hidden="true" />
          {KIND_LABEL[kind]} {kind}
        </li>
      ))}
    </ul>
  );
}
