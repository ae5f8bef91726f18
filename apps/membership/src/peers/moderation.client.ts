import { Injectable } from '@nestjs/common';
import { ModerationCommands } from '@cohort/contracts';
import { BusClient, type RequestContext } from '@cohort/bus';

/** What membership asks the moderation service outright: mute ends, for member profiles (blocks come from PeerFacts). */
@Injectable()
export class ModerationClient {
  constructor(private readonly bus: BusClient) {}

  /** Each muted user's mute end (ms, -1 permanent); users not muted are absent. */
  async muteEnds(ctx: RequestContext, groupId: string, userIds: string[]): Promise<Map<string, number>> {
    if (userIds.length === 0) return new Map();
    return new Map(Object.entries(await this.bus.send(ModerationCommands.muteEnds, ctx, { groupId, userIds })));
  }
}
