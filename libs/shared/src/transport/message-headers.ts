/** Carried on every message from the scanner's submission to the api's write, for log correlation. */
export const CORRELATION_ID_HEADER = 'X-Correlation-Id';
