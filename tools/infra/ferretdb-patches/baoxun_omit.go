// baoxun patch (tools/infra/pinned-binaries.constants.ts): copied into FerretDB v1.24.2's internal/backends.

package backends

// OmitField is a top-level field the handler's projection drops from every document a find returns, so the
// backend need not send (and FerretDB need not decode) it: FerretDB v1 decodes each returned document whole,
// its per-element type schema included, before projecting (a stored article's ~560 search tokens are most of
// its decoding time, and no reader wants them back).
type OmitField struct {
	// Field is the field's name (no dots).
	Field string

	// Keep is nil when the filter does not test the field: the backend may drop it. Otherwise the filter's only
	// condition on it is {$all: Keep} (strings): the backend may replace the field by exactly Keep where the
	// stored field is an array holding all of Keep, so the handler's own filter still passes those rows and only
	// those; the projection then drops it.
	Keep []string
}
