// Scanners emit stray C0/C1 controls and zero-width characters; they carry no text and break consumers downstream.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B]/g;

/**
 * Normalizes scanner text before it gets an identity: Unicode NFC (so the same page always hashes the same),
 * LF line endings, no BOM, and no control characters other than newline and tab.
 * Full-width spaces stay: they carry layout the parser reads.
 */
export function normalizePageText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?|[\u2028\u2029]/g, '\n').normalize('NFC').replace(CONTROL_CHARACTERS, '');
}
