import type { GroupKey, Page } from '@cohort/contracts';
import { decodeCursor, encodeCursor } from '@cohort/mongo';

import type { GroupContentRepository } from './group-content.repository';
import type { GroupContentDoc } from './group-content.schema';

export async function contentPage<D extends GroupContentDoc, V>(
  repository: GroupContentRepository<D, V>,
  key: GroupKey,
  { cursor, limit }: { cursor?: string; limit: number },
): Promise<Page<V>> {
  const after = decodeCursor(cursor);
  const [page, total] = await Promise.all([repository.listPage(key, limit, after), repository.count(key)]);
  return { items: page.items, cursor: encodeCursor(page.next), total };
}
