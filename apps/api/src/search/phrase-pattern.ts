/** Full-width forms of ASCII letters and digits sit at a fixed offset (Ａ = A + 0xFEE0). */
const FULL_WIDTH_OFFSET = 0xfee0;

const escapeRegex = (char: string): string => char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * A regular expression source that finds a normalized search term in raw stored text: ASCII letters match
 * either case and their full-width forms, digits their full-width forms, so it agrees with normalizeForSearch
 * without a second, normalized copy of every article. Runs the same on MongoDB (PCRE) and FerretDB (Go RE2).
 */
export function phrasePattern(term: string): string {
  let source = '';
  for (const char of term) {
    if (/^[a-z]$/.test(char)) {
      const upper = char.toUpperCase();
      source += `[${char}${upper}${String.fromCharCode(char.charCodeAt(0) + FULL_WIDTH_OFFSET)}${String.fromCharCode(upper.charCodeAt(0) + FULL_WIDTH_OFFSET)}]`;
    } else if (/^[0-9]$/.test(char)) {
      source += `[${char}${String.fromCharCode(char.charCodeAt(0) + FULL_WIDTH_OFFSET)}]`;
    } else {
      source += escapeRegex(char);
    }
  }
  return source;
}
