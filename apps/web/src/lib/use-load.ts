import { useEffect, useState } from 'react';
import { LoadError } from './api';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: LoadError } | { state: 'ready'; data: T };

/** Runs a load when its key changes; an answer to an older key is ignored. reload() asks again. */
export function useLoad<T>(key: string, fetcher: () => Promise<T>): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    fetcher().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) => live && setResult({ state: 'error', error: error instanceof LoadError ? error : new LoadError(-1, String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [key, round]);
  return { ...result, reload: () => setRound((n) => n + 1) };
}
