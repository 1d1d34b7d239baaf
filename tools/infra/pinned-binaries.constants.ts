/**
 * The server binaries the tests and `npm start` run. Versions are pinned here, in the Go modules under
 * tools/infra/go/<name> (go.mod + go.sum) and, for nats, in docker-compose.yml: keep them in step.
 */
export interface BinarySpec {
  /** Executable name in .cache/bin and on PATH. */
  readonly name: string;
  readonly version: string;
  /** Go module folder, relative to the repo root, whose `tool` directive pins the build. */
  readonly goModuleDir: string;
  /** Package path of the tool's main package. */
  readonly toolPackage: string;
  /**
   * FerretDB panics at start unless build/version/version.txt exists in its source, which module
   * downloads lack; for such tools the build copies the module source and writes that file.
   */
  readonly versionFile?: { readonly module: string; readonly path: string };
  /**
   * Exact edits to that copied source before the build, each fixing a known upstream bug. A patched build says
   * so in its version (`v1.24.2-<suffix>`), so an unpatched binary in .cache/bin or on PATH is not taken for it.
   */
  readonly sourcePatches?: { readonly suffix: string; readonly edits: readonly SourceEdit[]; readonly files?: readonly SourceFile[] };
  /** Rough cold build time, for the progress line. */
  readonly coldBuildHint: string;
}

/** Replace `find` (which must occur exactly once in `file`) with `replace`. */
export interface SourceEdit {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  /** The upstream bug it fixes, for the next person who bumps the version. */
  readonly why: string;
}

/** A new file copied into the source before the build (`from` is relative to the repo root, `to` to the module source). */
export interface SourceFile {
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

export const NATS_SERVER: BinarySpec = {
  name: 'nats-server',
  version: '2.15.2',
  goModuleDir: 'tools/infra/go/nats-server',
  toolPackage: 'github.com/nats-io/nats-server/v2',
  coldBuildHint: '~1 min',
};

export const FERRETDB: BinarySpec = {
  name: 'ferretdb',
  version: '1.24.2',
  goModuleDir: 'tools/infra/go/ferretdb',
  toolPackage: 'github.com/FerretDB/FerretDB/cmd/ferretdb',
  versionFile: { module: 'github.com/FerretDB/FerretDB', path: 'build/version/version.txt' },
  sourcePatches: {
    // Bump the suffix whenever an edit or a copied file changes: it is how a stale build in .cache/bin is told apart.
    suffix: 'baoxun.9',
    files: [
      {
        from: 'tools/infra/ferretdb-patches/baoxun_pushdown.go',
        to: 'internal/backends/postgresql/baoxun_pushdown.go',
        why:
          'PostgreSQL backend filter pushdown: _id equality as `=` (FerretDB#4646), field names inlined so expression ' +
          'indexes match, string ranges ($gt/$gte/$lt/$lte, FerretDB#1875), $all and $in of strings; and a sorted, ' +
          'limited query (ORDER BY one field + LIMIT) when the pushed SQL is exact, so a list of 21 decodes ~21 documents',
      },
      {
        from: 'tools/infra/ferretdb-patches/baoxun_omit.go',
        to: 'internal/backends/baoxun_omit.go',
        why: 'the fields a find\'s exclusion projection drops, passed to the backend (QueryParams.Omit) so it need not send them',
      },
      {
        from: 'tools/infra/ferretdb-patches/baoxun_projection.go',
        to: 'internal/handler/baoxun_projection.go',
        why:
          'which excluded fields the backend may leave out: those the filter and sort do not read, and those the filter ' +
          'tests only with $all of strings (replaced by those strings where the row holds them all)',
      },
      {
        from: 'tools/infra/ferretdb-patches/baoxun_indexes.go',
        to: 'internal/backends/postgresql/metadata/baoxun_indexes.go',
        why:
          'indexes the pushed-down filters can use: "*_gin" names make a GIN jsonb_path_ops index (for @>), "*_elems" a GIN ' +
          'index on the text[] of the field\'s strings (for $all, with element statistics the planner can use), "*_stats" ' +
          'planner statistics only; other single-field indexes stay btree (ORDER BY, ranges) with a partial index of the ' +
          "rows whose field is not a string and statistics on the field's type",
      },
    ],
    edits: [
      {
        file: 'internal/backends/sqlite/metadata/metadata.go',
        find: `IDColumn = DefaultColumn + "->'$._id'"`,
        replace: `IDColumn = DefaultColumn + "->'_id'"`,
        why:
          "FerretDB v1's SQLite backend builds the unique _id index on json->'_id' but looks _id up by json->'$._id', " +
          'an expression SQLite cannot match to that index, so every find, update and delete by _id scans and parses ' +
          'the whole table (upstream FerretDB#4646 for the same bug on PostgreSQL; v1 gets no more fixes). The two ' +
          'expressions return the same value; with the index expression a lookup by _id is an index search. ' +
          '(Kept for --handler=sqlite; the default store is PostgreSQL.)',
      },
      {
        file: 'internal/backends/postgresql/query.go',
        find: 'func prepareWhereClause(p *metadata.Placeholder, sqlFilters *types.Document) (string, []any, error) {',
        replace: 'func upstreamPrepareWhereClause(p *metadata.Placeholder, sqlFilters *types.Document) (string, []any, error) {',
        why: 'upstream pushdown kept (dotted keys, numbers, $ne) under another name; baoxun_pushdown.go defines prepareWhereClause',
      },
      {
        file: 'internal/backends/collection.go',
        find: 'type QueryParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n',
        replace:
          'type QueryParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n\n' +
          '\t// baoxun: the handler wants only the first TopN documents in TopSort order (nil: any order); the backend\n' +
          '\t// may apply it only when its SQL is exact, else it ignores both (the handler sorts and limits anyway).\n' +
          '\tTopN    int64\n\tTopSort *types.Document\n\n' +
          '\t// baoxun: top-level fields the handler\'s projection drops (see baoxun_omit.go); the backend may leave them out.\n' +
          '\tOmit []OmitField\n',
        why:
          'lets find ask for sort + limit pushdown (upstream pushes LIMIT only without filter and sort, so every match is ' +
          'decoded in Go) and for the fields its projection drops to stay in the database (every returned document is decoded whole)',
      },
      {
        file: 'internal/backends/collection.go',
        find: 'type ExplainParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n',
        replace: 'type ExplainParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n\n\tTopN    int64\n\tTopSort *types.Document\n',
        why: 'explain shows the plan of the query find really sends',
      },
      {
        file: 'internal/backends/postgresql/collection.go',
        find: '\twhere, args, err = prepareWhereClause(&placeholder, params.Filter)\n',
        replace:
          '\tomit := params.Omit // only where _jsonb is the one column (baoxunOmitWrap)\n' +
          '\tif meta.Capped() || params.OnlyRecordIDs {\n' +
          '\t\tomit = nil\n' +
          '\t}\n\n' +
          '\tif tq, targs, ok, terr := baoxunTopN(q, &placeholder, params, meta.Capped()); terr != nil {\n' +
          '\t\treturn nil, lazyerrors.Error(terr)\n' +
          '\t} else if ok {\n' +
          '\t\trows, err := p.Query(ctx, baoxunOmitWrap(tq, omit), targs...)\n' +
          '\t\tif err != nil {\n\t\t\treturn nil, lazyerrors.Error(err)\n\t\t}\n\n' +
          '\t\treturn &backends.QueryResult{Iter: newQueryIterator(ctx, rows, params.OnlyRecordIDs)}, nil\n' +
          '\t}\n\n' +
          '\twhere, args, err = prepareWhereClause(&placeholder, params.Filter)\n',
        why: 'Query sends the sorted, limited SQL of baoxun_pushdown.go when it applies, without the fields the projection drops (baoxunOmitWrap)',
      },
      {
        file: 'internal/backends/postgresql/collection.go',
        find: '\trows, err := p.Query(ctx, q, args...)\n',
        replace: '\trows, err := p.Query(ctx, baoxunOmitWrap(q, omit), args...)\n',
        why: 'the upstream query, too, leaves out the fields the projection drops',
      },
      {
        file: 'internal/backends/postgresql/collection.go',
        find: '\twhere, args, err := prepareWhereClause(&placeholder, params.Filter)\n',
        replace:
          '\ttopParams := &backends.QueryParams{Filter: params.Filter, TopN: params.TopN, TopSort: params.TopSort}\n' +
          '\tif tq, targs, ok, terr := baoxunTopN(prepareSelectClause(opts), &placeholder, topParams, meta.Capped()); terr != nil {\n' +
          '\t\treturn nil, lazyerrors.Error(terr)\n' +
          '\t} else if ok {\n' +
          '\t\tvar b []byte\n' +
          '\t\tif err = p.QueryRow(ctx, `EXPLAIN (VERBOSE true, FORMAT JSON) `+tq, targs...).Scan(&b); err != nil {\n' +
          '\t\t\treturn nil, lazyerrors.Error(err)\n\t\t}\n\n' +
          '\t\tif res.QueryPlanner, err = unmarshalExplain(b); err != nil {\n\t\t\treturn nil, lazyerrors.Error(err)\n\t\t}\n\n' +
          '\t\tres.FilterPushdown, res.SortPushdown, res.LimitPushdown = true, params.TopSort.Len() > 0, true\n\n' +
          '\t\treturn res, nil\n' +
          '\t}\n\n' +
          '\twhere, args, err := prepareWhereClause(&placeholder, params.Filter)\n',
        why: 'explain reports the sorted, limited SQL when find would send it',
      },
      {
        file: 'internal/handler/msg_find.go',
        find: '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))\n',
        replace:
          '\t// baoxun: offer the backend sort + limit; it applies them only when its SQL is exact. Not when a dotted\n' +
          '\t// key was dropped from qp.Filter above (the backend would not see the whole filter).\n' +
          '\tif !h.DisablePushdown && qp.Limit == 0 && params.Limit > 0 && qp.Sort.Len() == 0 && !cInfo.Capped() &&\n' +
          '\t\tqp.Filter.Len() == params.Filter.Len() && params.Sort.Len() <= 1 &&\n' +
          '\t\t(params.Sort.Len() == 0 || params.Sort.Keys()[0] != "$natural") {\n' +
          '\t\tqp.TopN = params.Limit + params.Skip\n' +
          '\t\tqp.TopSort = params.Sort\n' +
          '\t}\n\n' +
          '\t// baoxun: fields the projection drops stay in the database (the whole filter must be in qp.Filter).\n' +
          '\tif !h.DisablePushdown && qp.Filter.Len() == params.Filter.Len() {\n' +
          '\t\tqp.Omit = baoxunOmitted(params.Projection, params.Filter, params.Sort)\n' +
          '\t}\n\n' +
          '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))\n',
        why: 'upstream never pushes a limit with a filter or a sort (handler/msg_find.go), so a list of 21 decodes every match',
      },
      {
        file: 'internal/handler/msg_explain.go',
        find: '\tres, err := coll.Explain(connCtx, qp)\n',
        replace:
          '\tif !h.DisablePushdown && qp.Limit == 0 && params.Limit > 0 && qp.Sort.Len() == 0 && !cInfo.Capped() && !params.Aggregate &&\n' +
          '\t\tqp.Filter.Len() == params.Filter.Len() && params.Sort.Len() <= 1 &&\n' +
          '\t\t(params.Sort.Len() == 0 || params.Sort.Keys()[0] != "$natural") {\n' +
          '\t\tqp.TopN = params.Limit + params.Skip\n' +
          '\t\tqp.TopSort = params.Sort\n' +
          '\t}\n\n' +
          '\tres, err := coll.Explain(connCtx, qp)\n',
        why: 'explain of a find shows what find sends',
      },
      {
        file: 'internal/handler/msg_createindexes.go',
        find: '\t\t\t\tfilteredToCreate = slices.Delete(filteredToCreate, i, i+1)\n',
        replace:
          '\t\t\t\tfilteredToCreate = slices.DeleteFunc(filteredToCreate, func(idx backends.IndexInfo) bool { return idx.Name == newIdx.Name })\n',
        why:
          'upstream bug (any backend): createIndexes drops each already existing index from its copy of the list by its ' +
          'position in the original list, so a request naming two or more existing indexes (every restart of an app that ' +
          'declares its indexes) panics with "slice bounds out of range" and the connection is closed; delete by name',
      },
      {
        file: 'internal/backends/postgresql/metadata/registry.go',
        find:
          '\t\tif _, err = p.Exec(ctx, q); err != nil {\n' +
          '\t\t\t_ = r.indexesDrop(ctx, p, dbName, collectionName, created)\n' +
          '\t\t\treturn lazyerrors.Error(err)\n' +
          '\t\t}\n',
        replace:
          '\tfor _, stmt := range baoxunIndexStatements(index, dbName, c.TableName, q) {\n' +
          '\t\tif _, err = p.Exec(ctx, stmt); err != nil {\n' +
          '\t\t\t_, _ = p.Exec(ctx, fmt.Sprintf("DROP INDEX IF EXISTS %s", pgx.Identifier{dbName, index.PgIndex}.Sanitize()))\n' +
          '\t\t\t_ = r.indexesDrop(ctx, p, dbName, collectionName, created)\n' +
          '\t\t\treturn lazyerrors.Error(err)\n' +
          '\t\t}\n' +
          '\t}\n',
        why: 'createIndexes makes the GIN / btree + partial indexes of baoxun_indexes.go instead of a btree only',
      },
      {
        file: 'internal/backends/postgresql/metadata/registry.go',
        find:
          '\t\tq := fmt.Sprintf("DROP INDEX %s", pgx.Identifier{dbName, c.Indexes[i].PgIndex}.Sanitize())\n' +
          '\t\tif _, err := p.Exec(ctx, q); err != nil {\n' +
          '\t\t\treturn lazyerrors.Error(err)\n' +
          '\t\t}\n',
        replace:
          '\t\tfor _, q := range baoxunDropStatements(c.Indexes[i], dbName) {\n' +
          '\t\t\tif _, err := p.Exec(ctx, q); err != nil {\n' +
          '\t\t\t\treturn lazyerrors.Error(err)\n' +
          '\t\t\t}\n' +
          '\t\t}\n',
        why: "dropIndexes also drops a btree index's partial companion and statistics, and a \"_stats\" index's statistics",
      },
      {
        file: 'internal/backends/postgresql/metadata/registry.go',
        find: '\tdbNames, err := r.initDBs(ctx, p)\n',
        replace:
          '\tif err := baoxunCreateFunctions(ctx, p); err != nil {\n' +
          '\t\treturn nil, lazyerrors.Error(err)\n' +
          '\t}\n\n' +
          '\tdbNames, err := r.initDBs(ctx, p)\n',
        why: 'defines the function "*_elems" indexes and the pushdown of $all use (baoxun_indexes.go) before the first query',
      },
    ],
  },
  coldBuildHint: '~1 min',
};

/** The version a build of spec reports: its release, plus the patch suffix if its source is patched. */
export const builtVersion = (spec: BinarySpec): string => (spec.sourcePatches ? `${spec.version}-${spec.sourcePatches.suffix}` : spec.version);

/** Applies the edits to the source in `srcDir`; throws if a `find` is not there exactly once (the source moved on). */
export function applySourceEdits(
  edits: readonly SourceEdit[],
  read: (file: string) => string,
  write: (file: string, text: string) => void,
): void {
  for (const edit of edits) {
    const text = read(edit.file);
    const at = text.indexOf(edit.find);
    if (at < 0 || text.indexOf(edit.find, at + 1) >= 0) {
      throw new Error(`source patch does not apply: ${JSON.stringify(edit.find)} is not in ${edit.file} exactly once (fixes: ${edit.why})`);
    }
    write(edit.file, text.slice(0, at) + edit.replace + text.slice(at + edit.find.length));
  }
}

/** First x.y.z[-suffix] in a `--version` output: "nats-server: v2.15.2", "version: v1.24.2-baoxun.1". */
export function parseVersion(output: string): string | undefined {
  return /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.]+)?)(?![0-9A-Za-z.-])/.exec(output)?.[1];
}
