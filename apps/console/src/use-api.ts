import { useCallback, useEffect, useState } from 'react';

import { api, type Query } from './api';

export function useApi<T>(
  path: string | null,
  query: Query = {},
  outsideVersion = 0,
): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!path) return;
    let live = true;
    api<T>('GET', path, { query: JSON.parse(key) as Query }).then(
      (answer) => live && (setData(answer), setError(null)),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [path, key, version, outsideVersion]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
