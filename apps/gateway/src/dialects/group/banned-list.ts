import type { BusClient, RequestContext } from '@cohort/bus';
import { Limits, MembershipCommands, type MuteEntry, type Page } from '@cohort/contracts';

import { chunksOf } from '../chunks-of';
import type { GroupMemberProfile } from './dto/member-answers';
import { GroupPage } from './group-envelope.interceptor';
import { toMutedProfile } from './member-profile.presenter';

/**
 * A page of the group's mutes (4.13) with the muted users' profiles, read from membership in
 * batches of at most 100 users; users who left the group since are listed without one.
 */
export async function bannedPage(
  bus: BusClient,
  ctx: RequestContext,
  groupId: string,
  mutes: Page<MuteEntry>,
): Promise<GroupPage<GroupMemberProfile>> {
  const userIds = mutes.items.map((mute) => mute.userId);
  const batches = await Promise.all(
    chunksOf(userIds, Limits.batchRemoveMembers).map((batch) =>
      bus.send(MembershipCommands.getProfiles, ctx, { groupId, userIds: batch }),
    ),
  );
  const members = new Map(batches.flat().map((member) => [member.userId, member]));
  return GroupPage.of(mutes, (mute) => toMutedProfile(mute, members.get(mute.userId)));
}
