// baoxun patch (tools/infra/pinned-binaries.constants.ts): copied into FerretDB v1.24.2's internal/handler.

package handler

import (
	"regexp"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
)

// baoxunObjectIDLike is a string sjson stores exactly as an ObjectID (see backends/postgresql/baoxun_pushdown.go).
var baoxunObjectIDLike = regexp.MustCompile(`^[0-9a-f]{24}$`)

// baoxunMaxKept bounds the fields replaced by their filter's strings (each doubles the backend's SQL expression).
const baoxunMaxKept = 2

// baoxunOmitted returns the top-level fields an exclusion projection drops that the backend may leave out of
// the documents it returns (see backends.OmitField). Nothing when the projection includes fields or is not
// plain, or when the filter has a top-level operator ($and, $or, $expr, ...) the field could hide in.
func baoxunOmitted(projection, filter, sort *types.Document) []backends.OmitField {
	if projection.Len() == 0 {
		return nil
	}

	var excluded []string
	for _, key := range projection.Keys() {
		v, _ := projection.Get(key)
		if !baoxunIsFalse(v) {
			if key == "_id" {
				continue
			}
			return nil // an inclusion projection, or an operator ($slice, $elemMatch, ...)
		}
		if key != "_id" && !strings.Contains(key, ".") && !strings.HasPrefix(key, "$") && key != "" {
			excluded = append(excluded, key)
		}
	}
	if len(excluded) == 0 {
		return nil
	}

	// what the filter and the sort say about each top-level field: absent, {$all: strings}, or anything else
	tested := map[string][]string{}
	complex := map[string]bool{}
	for _, key := range filter.Keys() {
		if strings.HasPrefix(key, "$") {
			return nil
		}
		top, _, dotted := strings.Cut(key, ".")
		v, _ := filter.Get(key)
		if keep, ok := baoxunAllOfStrings(v); ok && !dotted && !complex[top] && tested[top] == nil {
			tested[top] = keep
		} else {
			complex[top] = true
		}
	}
	for _, key := range sort.Keys() {
		top, _, _ := strings.Cut(key, ".")
		complex[top] = true
	}

	var omit []backends.OmitField
	kept := 0
	for _, field := range excluded {
		switch {
		case complex[field]:
		case tested[field] != nil:
			if kept < baoxunMaxKept {
				kept++
				omit = append(omit, backends.OmitField{Field: field, Keep: tested[field]})
			}
		default:
			omit = append(omit, backends.OmitField{Field: field})
		}
	}

	return omit
}

// baoxunIsFalse: a projection value that excludes its field.
func baoxunIsFalse(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case int32:
		return v == 0
	case int64:
		return v == 0
	case float64:
		return v == 0
	default:
		return false
	}
}

// baoxunAllOfStrings: v is {$all: [s1, s2, ...]} with only non-empty strings that no ObjectID shares a stored form with.
func baoxunAllOfStrings(v any) ([]string, bool) {
	doc, ok := v.(*types.Document)
	if !ok || doc.Len() != 1 || doc.Keys()[0] != "$all" {
		return nil, false
	}
	all, _ := doc.Get("$all")
	arr, ok := all.(*types.Array)
	if !ok || arr.Len() == 0 {
		return nil, false
	}
	keep := make([]string, 0, arr.Len())
	for i := 0; i < arr.Len(); i++ {
		item, _ := arr.Get(i)
		s, ok := item.(string)
		if !ok || baoxunObjectIDLike.MatchString(s) {
			return nil, false
		}
		keep = append(keep, s)
	}

	return keep, true
}
