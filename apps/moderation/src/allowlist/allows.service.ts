import type { RequestContext } from '@cohort/bus';
import type {
  ErrorPayload,
  ItemResult,
  ListedUser,
  ListModeratedCommand,
  ModeratedUsers,
  Page,
} from '@cohort/contracts';
import { assertAdmin, GroupAccessLoader } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

import { ALLOWLIST, ListChanges } from '../standings/list-changes';
import { ReadableGroups } from '../standings/readable-groups';

@Injectable()
export class AllowsService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly readable: ReadableGroups,
    private readonly changes: ListChanges,
  ) {}

  async allow(ctx: RequestContext, command: ModeratedUsers): Promise<ItemResult[]> {
    const gc = await this.loader.load(ctx, command, command.userIds);
    assertAdmin(gc, 'change the allowlist');
    const refusal = (userId: string): ErrorPayload | null =>
      gc.roles.has(userId)
        ? null
        : { code: 'not_member', message: `user ${userId} is not a member of group ${gc.group.groupId}` };
    await this.changes.set(
      ctx,
      gc,
      ALLOWLIST,
      command.userIds.filter((userId) => !refusal(userId)),
      true,
    );
    return command.userIds.map((userId) => {
      const refused = refusal(userId);
      return refused ? { userId, ok: false, error: refused } : { userId, ok: true };
    });
  }

  async disallow(ctx: RequestContext, command: ModeratedUsers): Promise<ItemResult[]> {
    const gc = await this.loader.load(ctx, command);
    assertAdmin(gc, 'change the allowlist');
    await this.changes.set(ctx, gc, ALLOWLIST, command.userIds, false);
    return command.userIds.map((userId) => ({ userId, ok: true }));
  }

  async list(ctx: RequestContext, command: ListModeratedCommand): Promise<Page<ListedUser>> {
    const gc = await this.readable.load(ctx, command);
    return this.changes.page(gc, ALLOWLIST, command.limit, command.cursor);
  }
}
