import { Injectable } from '@nestjs/common';
import { ModerationCommands } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';

/** What membership asks the moderation service: blocks (every join path) and mute ends (profiles). */
@Injectable()
export class ModerationClient {
  constructor(private readonly bus: BusClient) {}

  /** The users among `userIds` on the group's blocklist: the one check every join path makes. */
  async blockedAmong(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    return new Set(await this.bus.send(ModerationCommands.blockedAmong, ctx, { groupId, userIds }));
  }

  /** Each muted user's mute end (ms, -1 permanent); users not muted are absent. */
  async muteEnds(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    return new Map(Object.entries(await this.bus.send(ModerationCommands.muteEnds, ctx, { groupId, userIds })));
  }
}
