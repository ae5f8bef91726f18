import { randomUUID } from 'node:crypto';

import { BusClient } from '@cohort/bus';
import { type GroupKey, type MemberRole, MembershipCommands } from '@cohort/contracts';
import { Injectable, Logger } from '@nestjs/common';

import type { UserFacts } from '../standings/facts';
import { StandingRepository } from '../standings/standing.repository';

/**
 * A user with no role at all (their `member.joined` lost or still on its way) is asked of
 * membership before answering "not a member". A correction is stamped with the time membership
 * was asked, so a newer event wins.
 */
@Injectable()
export class OwnerCheckedRoles {
  private readonly logger = new Logger(OwnerCheckedRoles.name);

  constructor(
    private readonly standings: StandingRepository,
    private readonly bus: BusClient,
  ) {}

  async get(key: GroupKey, userId: string): Promise<UserFacts> {
    const facts = await this.standings.get(key, userId);
    if (facts.role) return facts;
    try {
      return (await this.correct(key, [{ userId, role: undefined }])) > 0
        ? await this.standings.get(key, userId)
        : facts;
    } catch (error) {
      this.logger.warn(
        `user ${userId} of group ${key.groupId} has no projected role and membership did not answer: ${String(error)}`,
      );
      return facts;
    }
  }

  async correct(key: GroupKey, projected: { userId: string; role: MemberRole | null | undefined }[]): Promise<number> {
    const askedAt = new Date();
    const ctx = { caller: { appId: key.appId, userId: null, isAppAdmin: true }, requestId: `roles-${randomUUID()}` };
    const roles = await this.bus.send(MembershipCommands.rolesOf, ctx, {
      groupId: key.groupId,
      userIds: projected.map((p) => p.userId),
    });
    // A user never seen and not a member stores nothing: "no role" is what the projection already
    // says, and a standing per non-member asked about would grow without bound.
    const drifted = projected.filter(
      ({ userId, role }) => role !== (roles[userId] ?? null) && !(role === undefined && !roles[userId]),
    );
    await this.standings.apply(
      key,
      'role',
      drifted.map(({ userId }) => ({ userId, value: roles[userId] ?? null, at: askedAt })),
    );
    return drifted.length;
  }
}
