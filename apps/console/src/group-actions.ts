import { useNotify, useRefresh } from 'react-admin';

import { api, failuresOf, type ItemResults } from './api';

/**
 * Runs a moderator action against the admin API and says how it went: the API's own words when it
 * refuses, per user for batch actions. Resolves true when everything was done.
 */
export function useGroupAction(): (method: string, path: string, body: unknown, done: string) => Promise<boolean> {
  const notify = useNotify();
  const refresh = useRefresh();
  return async (method, path, body, done) => {
    try {
      const answer = await api<unknown>(method, path, { body });
      const failures =
        answer && typeof answer === 'object' && 'results' in answer ? failuresOf(answer as ItemResults) : null;
      if (failures) {
        notify(failures, { type: 'error' });
        return false;
      }
      notify(done, { type: 'success' });
      refresh();
      return true;
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      return false;
    }
  };
}
