// The normalization is part of a page's identity (its content hash), so it lives with the identity functions in
// libs/shared, where the archive loader (tools/loader) applies the same rules.
export { normalizePageText } from '@baoxun/shared/identity/page-text.normalizer';
