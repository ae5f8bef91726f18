import type { DataProvider, GetListParams, RaRecord } from 'react-admin';

import { api, type CursorPage, type Query } from './api';

const RESOURCES: Record<
  string,
  { path: string; idOf: (item: Record<string, unknown>) => unknown; query?: (filter: Record<string, unknown>) => Query }
> = {
  groups: {
    path: '/admin/v1/groups',
    idOf: (g) => g.groupId,
    query: (f) => ({ name: f.name as string, id: f.id as string, owner: f.owner as string, kind: f.kind as string }),
  },
  audit: {
    path: '/admin/v1/audit',
    idOf: (e) => e.entryId,
    query: (f) => ({
      groupId: f.groupId as string,
      actor: f.actor as string,
      actorKind: f.actorKind as string,
      target: f.target as string,
      action: f.action as string,
      from: f.from ? Date.parse(String(f.from)) : undefined,
      to: f.to ? Date.parse(String(f.to)) : undefined,
    }),
  },
  webhooks: { path: '/admin/v1/webhooks', idOf: (w) => w.id ?? w.webhookId },
};

/** The API pages with cursors, react-admin with page numbers: each list remembers the cursor of each page it walked. */
const cursors = new Map<string, (string | undefined)[]>();

async function getList(resource: string, params: GetListParams) {
  const spec = RESOURCES[resource];
  if (!spec) throw new Error(`unknown resource ${resource}`);
  const page = params.pagination?.page ?? 1;
  const perPage = params.pagination?.perPage ?? 25;
  const key = `${resource}:${perPage}:${JSON.stringify(params.filter ?? {})}`;
  const known = cursors.get(key) ?? [undefined];
  // A page beyond what was walked: start again from the first.
  const from = page - 1 < known.length ? page : 1;
  const answer = await api<CursorPage<Record<string, unknown>>>('GET', spec.path, {
    query: { ...spec.query?.(params.filter ?? {}), limit: perPage, cursor: known[from - 1] },
  });
  known[from] = answer.cursor ?? undefined;
  cursors.set(key, known.slice(0, from + 1));
  const data = answer.items.map((item) => ({ ...item, id: spec.idOf(item) }) as RaRecord);
  // On the last page the total is known without counting.
  const total = answer.cursor === null ? (from - 1) * perPage + data.length : undefined;
  return { data, total, pageInfo: { hasNextPage: answer.cursor !== null, hasPreviousPage: from > 1 } };
}

export const dataProvider = {
  getList,
  async getOne(resource: string, { id }: { id: unknown }) {
    if (resource !== 'groups') throw new Error(`${resource} has no page of its own`);
    const group = await api<Record<string, unknown>>('GET', `/admin/v1/groups/${encodeURIComponent(String(id))}`);
    return { data: { ...group, id: group.groupId } as RaRecord };
  },
  async delete(resource: string, { id, previousData }: { id: unknown; previousData?: RaRecord }) {
    if (resource !== 'groups') throw new Error(`${resource} cannot be deleted here`);
    await api('DELETE', `/admin/v1/groups/${encodeURIComponent(String(id))}`);
    return { data: (previousData ?? { id }) as RaRecord };
  },
} as unknown as DataProvider;
