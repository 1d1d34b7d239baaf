/**
 * Thrown by a handler for a message that can never succeed however often it is retried
 * (bad content, a contract violation). The transport dead-letters it at once instead of retrying.
 */
export class PermanentMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentMessageError';
  }
}

export const isPermanent = (error: unknown): boolean => error instanceof PermanentMessageError;

export const describeError = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));
