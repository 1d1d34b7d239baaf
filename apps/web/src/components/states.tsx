import type { ReactNode } from 'react';
import type { LoadError } from '../lib/api';

export function Loading({ what }: { what: string }) {
  return (
    <p className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> 正在载入{what}… Loading
    </p>
  );
}

export function ErrorBox({ message, error, onRetry }: { message?: string; error?: LoadError; onRetry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <p>{message ?? error?.message}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          重试 Try again
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}
