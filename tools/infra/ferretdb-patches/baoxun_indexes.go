// baoxun patch (tools/infra/pinned-binaries.constants.ts): copied into FerretDB v1.24.2's
// internal/backends/postgresql/metadata before the build. Upstream turns every index into a btree on
// (_jsonb->'f'), which no pushed-down filter can use (they are all `@>`), and which fails inserts of large
// arrays ("index row size exceeds btree maximum"). Here:
//
//   - an index whose name ends in "_gin", on one top-level field, is a GIN (jsonb_path_ops) index on
//     (_jsonb->'f'): it serves `_jsonb->'f' @> ...` (equality, "array contains", $all, $in);
//   - an index whose name ends in "_elems", on one top-level field, is a GIN index on the text[] of the
//     field's strings (BaoxunStringsFunction): it serves $all of strings, which the pushdown writes as
//     `baoxun_strings(_jsonb->'f') @> $n::text[]`. Unlike a jsonb_path_ops index it gives the planner
//     statistics: ANALYZE keeps the most common elements of an indexed array expression with their
//     frequencies (PostgreSQL skips jsonb values over 1 kB, arrays only over 64 kB), so a common key or
//     character pair is known as common and the planner walks the sort index and stops after the limit,
//     while a rare one is looked up in the GIN index (with jsonb @> every match was taken for rare: a list
//     of a common word detoasted and sorted thousands of 14 kB rows);
//   - an index whose name ends in "_stats" is no index at all but planner statistics on (_jsonb->'f') (CREATE
//     STATISTICS), for a field like `live` that every list filters on: without them PostgreSQL takes
//     `_jsonb->'live' @> 'true'` for a rare condition and sorts every match instead of walking the sort index;
//   - any other single-field index on a top-level field other than _id stays upstream's btree (it serves
//     ORDER BY _jsonb->'f' and string ranges) and gets a companion partial index of the rows where f is
//     not a string, which serves the second branch of a sorted, limited query (postgresql/baoxun_pushdown.go),
//     and statistics on f's type, so that the planner knows the "f is a string" condition keeps every row.

package metadata

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// BaoxunStringsFunction is the immutable function "*_elems" indexes and the pushdown of $all call: the
// strings of a jsonb array (its other elements left out, as $all of strings never matches them), a string
// as a one-element array, anything else as an empty one. In public, so that one definition serves every
// database (schema) and the unqualified-looking name in a query is the same function the index uses.
const BaoxunStringsFunction = "public.baoxun_strings"

const baoxunStringsDefinition = `CREATE OR REPLACE FUNCTION ` + BaoxunStringsFunction + `(j jsonb) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE jsonb_typeof(j)
    WHEN 'array' THEN ARRAY(SELECT e #>> '{}' FROM jsonb_array_elements(j) e WHERE jsonb_typeof(e) = 'string')
    WHEN 'string' THEN ARRAY[j #>> '{}']
    ELSE '{}'::text[]
  END
$$`

// baoxunCreateFunctions (re)defines the functions the patched indexes and pushdown use; called once when
// the registry first reads the database, before any query.
func baoxunCreateFunctions(ctx context.Context, p *pgxpool.Pool) error {
	_, err := p.Exec(ctx, baoxunStringsDefinition)
	return err
}

func baoxunTopLevel(field string) bool {
	return field != "" && !strings.Contains(field, ".") && !strings.HasPrefix(field, "$")
}

// baoxunCompanion is the name of a btree index's partial index (same length as the index's name).
func baoxunCompanion(pgIndex string) string { return strings.TrimSuffix(pgIndex, "_idx") + "_odd" }

// baoxunStatsName is the name of the statistics object of an index (same length as the index's name).
func baoxunStatsName(pgIndex string) string { return strings.TrimSuffix(pgIndex, "_idx") + "_sts" }

type baoxunIndexKind int

const (
	baoxunUpstream baoxunIndexKind = iota
	baoxunGIN
	baoxunElems
	baoxunStats
	baoxunBtree
)

func baoxunKind(index IndexInfo) baoxunIndexKind {
	if index.Unique || len(index.Key) != 1 || !baoxunTopLevel(index.Key[0].Field) || index.Key[0].Field == "_id" {
		return baoxunUpstream
	}
	switch {
	case strings.HasSuffix(index.Name, "_gin"):
		return baoxunGIN
	case strings.HasSuffix(index.Name, "_elems"):
		return baoxunElems
	case strings.HasSuffix(index.Name, "_stats"):
		return baoxunStats
	default:
		return baoxunBtree
	}
}

// baoxunIndexStatements returns the statements that create index (upstream is upstream's CREATE INDEX).
func baoxunIndexStatements(index IndexInfo, dbName, tableName, upstream string) []string {
	kind := baoxunKind(index)
	if kind == baoxunUpstream {
		return []string{upstream}
	}
	field := quoteString(index.Key[0].Field)
	table := pgx.Identifier{dbName, tableName}.Sanitize()
	typeExpr := fmt.Sprintf("(%s->'$s'->'p'->%s->>'t')", DefaultColumn, field)

	switch kind {
	case baoxunGIN:
		return []string{fmt.Sprintf(
			"CREATE INDEX %s ON %s USING gin ((%s->%s) jsonb_path_ops)",
			pgx.Identifier{index.PgIndex}.Sanitize(), table, DefaultColumn, field,
		)}
	case baoxunElems:
		// Statistics target 1000: the 10,000 most common elements are kept with their frequencies (100 would
		// keep 1,000, and with ~560 character pairs per article a pair in one article of nine fell below them
		// and was planned as rare). ANALYZE: the statistics are what the index is for, and autovacuum would
		// gather them only after enough rows change (an index added to a loaded archive would be planned
		// without them until then).
		return []string{fmt.Sprintf(
			"CREATE INDEX %s ON %s USING gin (%s((%s->%s)))",
			pgx.Identifier{index.PgIndex}.Sanitize(), table, BaoxunStringsFunction, DefaultColumn, field,
		), fmt.Sprintf("ALTER INDEX %s ALTER COLUMN 1 SET STATISTICS 1000", pgx.Identifier{dbName, index.PgIndex}.Sanitize()),
			"ANALYZE " + table}
	case baoxunStats:
		return []string{fmt.Sprintf(
			"CREATE STATISTICS %s ON ((%s->%s)) FROM %s",
			pgx.Identifier{dbName, baoxunStatsName(index.PgIndex)}.Sanitize(), DefaultColumn, field, table,
		), "ANALYZE " + table}
	default:
		return []string{
			upstream,
			fmt.Sprintf(
				"CREATE INDEX %s ON %s ((1)) WHERE (%s IS DISTINCT FROM 'string')",
				pgx.Identifier{baoxunCompanion(index.PgIndex)}.Sanitize(), table, typeExpr,
			),
			fmt.Sprintf(
				"CREATE STATISTICS %s ON (%s) FROM %s",
				pgx.Identifier{dbName, baoxunStatsName(index.PgIndex)}.Sanitize(), typeExpr, table,
			),
		}
	}
}

// baoxunDropStatements returns the statements that drop what baoxunIndexStatements made.
func baoxunDropStatements(index IndexInfo, dbName string) []string {
	drop := func(what, name string) string {
		return fmt.Sprintf("DROP %s IF EXISTS %s", what, pgx.Identifier{dbName, name}.Sanitize())
	}
	switch baoxunKind(index) {
	case baoxunStats:
		return []string{drop("STATISTICS", baoxunStatsName(index.PgIndex))}
	case baoxunBtree:
		return []string{drop("INDEX", index.PgIndex), drop("INDEX", baoxunCompanion(index.PgIndex)), drop("STATISTICS", baoxunStatsName(index.PgIndex))}
	default:
		return []string{drop("INDEX", index.PgIndex)}
	}
}
