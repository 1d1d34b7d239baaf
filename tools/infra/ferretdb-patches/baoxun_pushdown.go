// baoxun patch (tools/infra/pinned-binaries.constants.ts): copied into FerretDB v1.24.2's
// internal/backends/postgresql before the build. It replaces the PostgreSQL backend's filter pushdown
// (upstream prepareWhereClause, kept as upstreamPrepareWhereClause for dotted keys and numbers) and adds
// a sorted, limited query when the pushed-down SQL is exact.
//
// The rule FerretDB relies on: the handler re-applies the whole filter, the sort, skip and limit in Go to
// whatever the backend returns, so the SQL may return a SUPERSET of the matches. The one exception is the
// LIMIT this file adds: it is only sent when every condition of the filter was translated exactly, so
// that no row the LIMIT keeps can be thrown away by the Go filter afterwards.

package postgresql

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/backends/postgresql/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// baoxunObjectIDLike: a string that sjson stores exactly as an ObjectID is (24 lowercase hex digits), so an
// equality on it may also match an ObjectID value: still a superset, but not exact.
var baoxunObjectIDLike = regexp.MustCompile(`^[0-9a-f]{24}$`)

// baoxunQuote returns a SQL string literal (FerretDB checks standard_conforming_strings=on at connect).
// Field names are inlined, not bound, so that `_jsonb->'f'` is the same expression the indexes are built on
// even in a generic (cached) plan; upstream binds the name as $n, which no expression index can match.
func baoxunQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// baoxunValue is `_jsonb->'f'`.
func baoxunValue(field string) string { return metadata.DefaultColumn + "->" + baoxunQuote(field) }

// baoxunType is the sjson type of top-level field f ("string", "array", "int", ...; NULL when f is missing).
// Indexes that serve the odd-type branch are built on exactly this text (see metadata/baoxun_indexes.go).
func baoxunType(field string) string {
	return "(" + metadata.DefaultColumn + "->'$s'->'p'->" + baoxunQuote(field) + "->>'t')"
}

// baoxunNotString is the predicate of a btree index's companion partial index.
func baoxunNotString(field string) string {
	return "(" + baoxunType(field) + " IS DISTINCT FROM 'string')"
}

func baoxunIsString(field string) string { return "(" + baoxunType(field) + " = 'string')" }

// baoxunStringsOf is the text[] of top-level field f's strings: the expression "*_elems" indexes are built on.
func baoxunStringsOf(field string) string {
	return metadata.BaoxunStringsFunction + "(" + baoxunValue(field) + ")"
}

// baoxunRange is the pushed-down string range on one top-level field.
type baoxunRange struct {
	field string
	conds []string
}

// baoxunFilter is a filter translated to SQL.
type baoxunFilter struct {
	// common conditions: exact (when exact is true) for every row, whatever the type of the range fields.
	common []string
	// ranges are exact for rows where the field is a string; rows where it is not are returned by the
	// odd-type branch (or by the OR in where()).
	ranges []baoxunRange
	args   []any
	// exact: every condition of the filter is in common/ranges, translated exactly.
	exact bool
	// multi: the conditions of common that are $all of two or more strings, each with the same test as jsonb
	// containment with its strings inlined (cheaper per row than building the text[]; see baoxunWalkFirst).
	multi map[string]string
}

func (f *baoxunFilter) arg(p *metadata.Placeholder, v any) string {
	f.args = append(f.args, v)
	return p.Next()
}

// baoxunJSONString is the jsonb text of a string, as sjson stores it.
func baoxunJSONString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// baoxunStrings returns the distinct strings of a, or false if a is empty or holds anything else.
func baoxunStrings(a *types.Array) ([]string, bool) {
	if a == nil || a.Len() == 0 {
		return nil, false
	}
	seen := map[string]bool{}
	var res []string
	for i := 0; i < a.Len(); i++ {
		v, _ := a.Get(i)
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		if !seen[s] {
			seen[s] = true
			res = append(res, s)
		}
	}
	return res, true
}

// baoxunContains is `_jsonb->'f' @> $n` for one string: equality, or "array contains" (one level deep,
// as in MongoDB: ["s"] matches, [["s"]] does not, checked on PostgreSQL 17).
func (f *baoxunFilter) baoxunContains(p *metadata.Placeholder, field, s string) string {
	if field == "_id" {
		// upstream FerretDB#4646: `_jsonb->'_id' @> $1` cannot use the unique btree index on (_jsonb->'_id');
		// `=` can, and an _id is never an array, so it selects the same rows.
		return fmt.Sprintf("%s = %s", baoxunValue(field), f.arg(p, baoxunJSONString(s)))
	}
	return fmt.Sprintf("%s @> %s", baoxunValue(field), f.arg(p, baoxunJSONString(s)))
}

// newBaoxunFilter translates filter.
func newBaoxunFilter(p *metadata.Placeholder, filter *types.Document) (*baoxunFilter, error) {
	res := &baoxunFilter{exact: true}
	if filter == nil {
		return res, nil
	}

	for _, key := range filter.Keys() {
		val, _ := filter.Get(key)

		if key == "$comment" {
			continue
		}
		if key == "" || strings.HasPrefix(key, "$") || strings.Contains(key, ".") {
			res.exact = false
			if key == "" || strings.HasPrefix(key, "$") {
				continue
			}
			// dotted paths: upstream's translation (a superset), on this key alone
			where, args, err := upstreamPrepareWhereClause(p, must1(types.NewDocument(key, val)))
			if err != nil {
				return nil, lazyerrors.Error(err)
			}
			if where != "" {
				res.common = append(res.common, "("+strings.TrimPrefix(where, " WHERE ")+")")
				res.args = append(res.args, args...)
			}
			continue
		}

		switch v := val.(type) {
		case string:
			res.common = append(res.common, res.baoxunContains(p, key, v))
			if baoxunObjectIDLike.MatchString(v) {
				res.exact = false
			}

		case bool:
			res.common = append(res.common, fmt.Sprintf("%s @> %s", baoxunValue(key), res.arg(p, fmt.Sprint(v))))

		case types.ObjectID:
			// stored as a hex string: the same SQL also matches that string (superset)
			res.exact = false
			op := "@>"
			if key == "_id" {
				op = "="
			}
			b, err := sjson.MarshalSingleValue(v)
			if err != nil {
				return nil, lazyerrors.Error(err)
			}
			res.common = append(res.common, fmt.Sprintf("%s %s %s", baoxunValue(key), op, res.arg(p, string(b))))

		case *types.Document:
			if err := res.operators(p, key, v); err != nil {
				return nil, err
			}

		default:
			// numbers, dates (stored as numbers), null, arrays, regexes...: upstream's superset, not exact
			res.exact = false
			where, args, err := upstreamPrepareWhereClause(p, must1(types.NewDocument(key, val)))
			if err != nil {
				return nil, lazyerrors.Error(err)
			}
			if where != "" {
				res.common = append(res.common, "("+strings.TrimPrefix(where, " WHERE ")+")")
				res.args = append(res.args, args...)
			}
		}
	}

	return res, nil
}

// operators translates `{f: {$op: v, ...}}`.
func (f *baoxunFilter) operators(p *metadata.Placeholder, key string, ops *types.Document) error {
	var rng baoxunRange
	rng.field = key
	var rest []string // operators left to upstream

	if ops.Len() == 0 {
		f.exact = false // {f: {}} is an equality with an empty document: not pushed down
		return nil
	}

	for _, op := range ops.Keys() {
		v, _ := ops.Get(op)

		switch op {
		case "$eq":
			switch v := v.(type) {
			case string:
				f.common = append(f.common, f.baoxunContains(p, key, v))
				if baoxunObjectIDLike.MatchString(v) {
					f.exact = false
				}
			case bool:
				f.common = append(f.common, fmt.Sprintf("%s @> %s", baoxunValue(key), f.arg(p, fmt.Sprint(v))))
			default:
				rest = append(rest, op)
			}

		case "$all":
			a, _ := v.(*types.Array)
			ss, ok := baoxunStrings(a)
			if !ok {
				f.exact = false // empty $all matches nothing; other element types: not pushed down
				continue
			}
			if key == "_id" {
				if len(ss) == 1 {
					f.common = append(f.common, f.baoxunContains(p, key, ss[0]))
				} else {
					b, _ := json.Marshal(ss)
					f.common = append(f.common, fmt.Sprintf("%s @> %s", baoxunValue(key), f.arg(p, string(b))))
				}
			} else {
				// As text[] containment on the field's strings (a scalar string is a one-element array, as
				// {$all: ["s"]} matches the scalar "s"): an "*_elems" index serves it, and, unlike jsonb @>,
				// PostgreSQL estimates it from the index's element statistics (see metadata/baoxun_indexes.go).
				cond := fmt.Sprintf("%s @> %s::text[]", baoxunStringsOf(key), f.arg(p, ss))
				f.common = append(f.common, cond)
				if len(ss) > 1 {
					if f.multi == nil {
						f.multi = map[string]string{}
					}
					b, _ := json.Marshal(ss)
					f.multi[cond] = fmt.Sprintf("%s @> %s::jsonb", baoxunValue(key), baoxunQuote(string(b)))
				}
			}
			for _, s := range ss {
				if baoxunObjectIDLike.MatchString(s) {
					f.exact = false
				}
			}

		case "$in":
			a, _ := v.(*types.Array)
			ss, ok := baoxunStrings(a)
			if !ok {
				f.exact = false
				continue
			}
			if key == "_id" {
				ors := make([]string, len(ss))
				for i, s := range ss {
					ors[i] = f.baoxunContains(p, key, s)
				}
				f.common = append(f.common, "("+strings.Join(ors, " OR ")+")")
			} else {
				// As text[] overlap on the field's strings (a scalar string is a one-element array; {$in: ["s"]}
				// matches "s" and any array holding "s"): the "*_elems" GIN index serves it, estimated from its
				// element statistics, so alternatives (a place name's division codes) are one sorted query.
				f.common = append(f.common, fmt.Sprintf("%s && %s::text[]", baoxunStringsOf(key), f.arg(p, ss)))
			}
			for _, s := range ss {
				if baoxunObjectIDLike.MatchString(s) {
					f.exact = false
				}
			}

		case "$gt", "$gte", "$lt", "$lte":
			s, ok := v.(string)
			if !ok || key == "_id" {
				f.exact = false
				continue
			}
			sqlOp := map[string]string{"$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}[op]
			// MongoDB compares a string bound with strings only (type bracketing); jsonb orders strings by
			// the database collation, which is C (byte order), as MongoDB does. Exact for string values;
			// arrays (any element in range) and other types go to the odd-type branch.
			rng.conds = append(rng.conds, fmt.Sprintf("%s %s %s", baoxunValue(key), sqlOp, f.arg(p, baoxunJSONString(s))))

		default:
			rest = append(rest, op)
		}
	}

	if len(rng.conds) > 0 {
		f.ranges = append(f.ranges, rng)
	}

	if len(rest) > 0 {
		f.exact = false
		sub := types.MakeDocument(len(rest))
		for _, op := range rest {
			sub.Set(op, must1(ops.Get(op)))
		}
		where, args, err := upstreamPrepareWhereClause(p, must1(types.NewDocument(key, sub)))
		if err != nil {
			return lazyerrors.Error(err)
		}
		if where != "" {
			f.common = append(f.common, "("+strings.TrimPrefix(where, " WHERE ")+")")
			f.args = append(f.args, args...)
		}
	}

	return nil
}

func must1[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// where is a plain WHERE clause: a superset of the matches (ranges OR'ed with "not a string").
func (f *baoxunFilter) where() string {
	conds := append([]string{}, f.common...)
	for _, r := range f.ranges {
		exact := append(append([]string{}, r.conds...), baoxunIsString(r.field))
		conds = append(conds, "(("+strings.Join(exact, " AND ")+") OR "+baoxunNotString(r.field)+")")
	}
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// prepareWhereClause replaces upstream's (see the file comment).
func prepareWhereClause(p *metadata.Placeholder, sqlFilters *types.Document) (string, []any, error) {
	f, err := newBaoxunFilter(p, sqlFilters)
	if err != nil {
		return "", nil, err
	}
	return f.where(), f.args, nil
}

// baoxunTopN builds the query for params.TopN (set by the handler for find with a limit and at most one
// sort field). ok is false when it has nothing to add to the upstream path.
//
// With sort field s and string ranges on fields r1..rk, the rows are split in two disjoint branches:
//
//	(SELECT ... WHERE common AND ranges AND s, r1..rk are strings ORDER BY _jsonb->'s' [DESC] LIMIT n)
//	UNION ALL
//	(SELECT ... WHERE common AND (s or any ri is not a string))
//
// In the first branch jsonb order is MongoDB's order (strings only, byte order), so its first n rows are
// the first n string-valued matches; the second holds every other candidate (missing sort field, arrays,
// other types), normally none, found through the partial index created beside each btree index. The
// handler sorts and limits the union again, so the result equals an unpatched FerretDB's.
func baoxunTopN(selectClause string, p *metadata.Placeholder, params *backends.QueryParams, capped bool) (string, []any, bool, error) {
	if params.TopN <= 0 || capped || params.OnlyRecordIDs || params.Sort.Len() != 0 {
		return "", nil, false, nil
	}

	var sortField string
	var desc bool
	if params.TopSort.Len() == 1 {
		sortField = params.TopSort.Keys()[0]
		if sortField == "" || strings.HasPrefix(sortField, "$") || strings.Contains(sortField, ".") {
			return "", nil, false, nil
		}
		switch v, _ := params.TopSort.Get(sortField); v {
		case int64(-1):
			desc = true
		case int64(1):
		default:
			return "", nil, false, nil
		}
	}

	// placeholders are only taken from p when this query is used (else the caller numbers its own from $1)
	local := *p
	f, err := newBaoxunFilter(&local, params.Filter)
	if err != nil {
		return "", nil, false, err
	}
	if !f.exact {
		return "", nil, false, nil
	}
	defer func() { *p = local }()

	var odd []string // fields whose non-string rows go to the second branch
	seen := map[string]bool{}
	for _, r := range f.ranges {
		if !seen[r.field] {
			seen[r.field] = true
			odd = append(odd, r.field)
		}
	}
	if sortField != "" && !seen[sortField] {
		odd = append(odd, sortField)
	}

	limit := fmt.Sprintf(" LIMIT %s", f.arg(&local, params.TopN))

	first := append([]string{}, f.common...)
	for _, r := range f.ranges {
		first = append(first, r.conds...)
	}
	for _, field := range odd {
		first = append(first, baoxunIsString(field))
	}
	order := ""
	if sortField != "" {
		order = " ORDER BY " + baoxunValue(sortField)
		if desc {
			order += " DESC"
		}
	}
	q := selectClause
	if len(first) > 0 {
		q += " WHERE " + strings.Join(first, " AND ")
	}
	q += order + limit

	if len(f.multi) > 0 && sortField != "" && params.TopN <= baoxunWalkMaxTopN {
		q = baoxunWalkFirst(selectClause, first, f.multi, sortField, desc, limit, params.TopN)
	}

	if len(odd) == 0 {
		return q, f.args, true, nil
	}

	nots := make([]string, len(odd))
	for i, field := range odd {
		nots[i] = baoxunNotString(field)
	}
	second := append(append([]string{}, f.common...), "("+strings.Join(nots, " OR ")+")")
	q = "(" + q + ") UNION ALL (" + selectClause + " WHERE " + strings.Join(second, " AND ") + ")"

	return q, f.args, true, nil
}

// baoxunWalkMaxTopN: limits up to which a sorted query with a multi-element $all walks first (a page of a list,
// a text query's rounds); beyond it (facets' samples) the planner's plan is used as it is.
const baoxunWalkMaxTopN = 1000

// baoxunWalkRows (+ 10 per row asked) bounds the walk: about 60 ms of reading rows on the 2-core machine,
// while a phrase the walk cannot fill a page from is in fewer than 1 of ~18 rows, which bounds what its
// index lookup reads to that share of the collection.
const baoxunWalkRows = 200

// baoxunWalkFirst is the first branch of a sorted, limited query whose filter has $all of several strings,
// made robust to the one estimate PostgreSQL gets wrong here. It multiplies the frequencies of the strings as
// if independent, while a phrase's character pairs nearly always come together: a phrase in a fifth of the
// articles is taken for a rare one, and its GIN matches (thousands at 50,000 articles) are all read and sorted
// for one page, where walking the sort index would have stopped after a few dozen rows. So the newest rows of
// the other conditions are walked first, a bounded number of them; if the page fills from them it is exactly
// the first page (every match before the last row walked is among them). Otherwise the planner's own plan
// runs, gated by a one-time filter, so a rare phrase pays for the bounded walk and then its index lookup.
func baoxunWalkFirst(selectClause string, first []string, multi map[string]string, sortField string, desc bool, limit string, topN int64) string {
	var rest, all []string
	for _, cond := range first {
		if jsonbCond, ok := multi[cond]; ok {
			all = append(all, jsonbCond)
		} else {
			rest = append(rest, cond)
		}
	}
	direction := ""
	if desc {
		direction = " DESC"
	}
	// the sort value is a column of the walk, so that the filter over it keeps its order: no sort node, and
	// the walk stops as soon as the page is full
	from := strings.LastIndex(selectClause, " FROM ")
	walked := selectClause[:from] + ", " + baoxunValue(sortField) + " AS baoxun_sort" + selectClause[from:]
	if len(rest) > 0 {
		walked += " WHERE " + strings.Join(rest, " AND ")
	}
	walked += fmt.Sprintf(" ORDER BY baoxun_sort%s LIMIT %d", direction, baoxunWalkRows+10*topN)
	planned := selectClause + " WHERE " + strings.Join(first, " AND ") + " ORDER BY " + baoxunValue(sortField) + direction + limit
	column := metadata.DefaultColumn
	n := strings.TrimPrefix(limit, " LIMIT ")

	return "WITH baoxun_walk AS MATERIALIZED (SELECT " + column + " FROM (" + walked + ") AS baoxun_newest WHERE " +
		strings.Join(all, " AND ") + " ORDER BY baoxun_sort" + direction + limit + ") " +
		"SELECT " + column + " FROM baoxun_walk WHERE (SELECT count(*) FROM baoxun_walk) >= " + n + " UNION ALL " +
		"(SELECT " + column + " FROM (" + planned + ") AS baoxun_planned WHERE (SELECT count(*) FROM baoxun_walk) < " + n + ")"
}

// baoxunOmitWrap wraps a query whose only column is _jsonb so that the fields in omit leave each row it
// returns before it is sent (backends.OmitField), computed after its ORDER BY and LIMIT: a dropped field goes from the value and from sjson's schema ($s.p and $s.$k);
// a kept one is replaced by exactly its Keep strings, with their schema, in rows whose stored field is an array
// holding all of them (a row-level CASE: exact whatever the rest of the SQL pushed down). Anything else is sent
// as it is. The expression grows linearly with the dropped fields and doubles with each kept one (the handler
// sends at most baoxunMaxKept).
func baoxunOmitWrap(q string, omit []backends.OmitField) string {
	if len(omit) == 0 {
		return q
	}

	column := metadata.DefaultColumn
	expr := column
	var dropped []string
	for _, o := range omit {
		name := baoxunQuote(o.Field)
		if o.Keep == nil {
			dropped = append(dropped, name)
			continue
		}
		values, _ := json.Marshal(o.Keep)
		items := make([]string, len(o.Keep))
		for i := range items {
			items[i] = `{"t":"string"}`
		}
		schema := `{"t":"array","i":[` + strings.Join(items, ",") + `]}`
		stored := column + "->" + name
		expr = "CASE WHEN jsonb_typeof(" + stored + ") = 'array' AND " + stored + " @> " + baoxunQuote(string(values)) + "::jsonb" +
			" THEN jsonb_set(jsonb_set(" + expr + ", ARRAY[" + name + "], " + baoxunQuote(string(values)) + "::jsonb), ARRAY['$s','p'," + name + "], " + baoxunQuote(schema) + "::jsonb)" +
			" ELSE " + expr + " END"
	}
	if len(dropped) > 0 {
		names := "ARRAY[" + strings.Join(dropped, ",") + "]"
		expr = "(" + expr + " - " + names + ")"
		for _, name := range dropped {
			expr = "(" + expr + " #- ARRAY['$s','p'," + name + "])"
		}
		expr = "jsonb_set(" + expr + ", '{$s,$k}', (" + column + "->'$s'->'$k') - " + names + ")"
	}

	return "SELECT " + expr + " AS " + column + " FROM (" + q + ") AS baoxun_rows"
}
