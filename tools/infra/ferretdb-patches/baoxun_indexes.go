// baoxun patch (tools/infra/pinned-binaries.constants.ts): copied into FerretDB v1.24.2's
// internal/backends/postgresql/metadata before the build. Upstream turns every index into a btree on
// (_jsonb->'f'), which no pushed-down filter can use (they are all `@>`), and which fails inserts of large
// arrays ("index row size exceeds btree maximum"). Here:
//
//   - an index whose name ends in "_gin", on one top-level field, is a GIN (jsonb_path_ops) index on
//     (_jsonb->'f'): it serves `_jsonb->'f' @> ...` (equality, "array contains", $all, $in);
//   - any other single-field index on a top-level field other than _id stays upstream's btree (it serves
//     ORDER BY _jsonb->'f' and string ranges) and gets a companion partial index of the rows where f is
//     not a string, which serves the second branch of a sorted, limited query (postgresql/baoxun_pushdown.go).

package metadata

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

func baoxunTopLevel(field string) bool {
	return field != "" && !strings.Contains(field, ".") && !strings.HasPrefix(field, "$")
}

// baoxunCompanion is the name of a btree index's partial index (same length as the index's name).
func baoxunCompanion(pgIndex string) string { return strings.TrimSuffix(pgIndex, "_idx") + "_odd" }

// baoxunIndexStatements returns the statements that create index (upstream is upstream's CREATE INDEX).
func baoxunIndexStatements(index IndexInfo, dbName, tableName, upstream string) []string {
	if index.Unique || len(index.Key) != 1 || !baoxunTopLevel(index.Key[0].Field) || index.Key[0].Field == "_id" {
		return []string{upstream}
	}
	field := quoteString(index.Key[0].Field)
	table := pgx.Identifier{dbName, tableName}.Sanitize()

	if strings.HasSuffix(index.Name, "_gin") {
		return []string{fmt.Sprintf(
			"CREATE INDEX %s ON %s USING gin ((%s->%s) jsonb_path_ops)",
			pgx.Identifier{index.PgIndex}.Sanitize(), table, DefaultColumn, field,
		)}
	}

	return []string{upstream, fmt.Sprintf(
		"CREATE INDEX %s ON %s ((1)) WHERE ((%s->'$s'->'p'->%s->>'t') IS DISTINCT FROM 'string')",
		pgx.Identifier{baoxunCompanion(index.PgIndex)}.Sanitize(), table, DefaultColumn, field,
	)}
}
