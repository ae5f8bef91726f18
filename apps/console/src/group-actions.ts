import { useNotify, useRefresh } from 'react-admin';

import { api, failuresOf, type ItemResults } from './api';

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
