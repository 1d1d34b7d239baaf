/** Input the parser cannot turn into articles; the message says why in one line. */
export class PageParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PageParseError';
  }
}
