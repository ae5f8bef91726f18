import type { BusClient, RequestContext } from '@cohort/bus';
import { type GroupType, Limits, ModerationCommands } from '@cohort/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';

import { everyPage } from '../every-page';
import { MutedUser, MuteOutcome, UnmuteOutcome } from './dto/easemob-answers';
import type { MuteUsersBody } from './dto/mute.dto';
import { EasemobList } from './easemob-envelope.interceptor';
import { mutedUser, muteOutcome, unmuteOutcome } from './easemob-mutes.presenter';
import { pathUsernames } from './path-usernames';

type RoutedGroup = { groupId: string; groupType: GroupType };

/** `allOrNothing` (`/chatgroups`): one user who is not a member, or the owner, refuses the whole request, nothing changed. */
export async function muteUsers(
  bus: BusClient,
  ctx: RequestContext,
  group: RoutedGroup,
  body: MuteUsersBody,
  allOrNothing = false,
): Promise<MuteOutcome[]> {
  const results = await bus.send(ModerationCommands.mute, ctx, {
    ...group,
    userIds: body.usernames,
    durationMs: body.mute_duration,
    ...(allOrNothing ? { allOrNothing } : {}),
  });
  return results.map(muteOutcome);
}

/** Easemob's list has no paging. */
export async function mutedUsers(
  bus: BusClient,
  ctx: RequestContext,
  group: RoutedGroup,
): Promise<EasemobList<MutedUser>> {
  const mutes = await everyPage((cursor) =>
    bus.send(ModerationCommands.listMutes, ctx, { ...group, cursor, limit: Limits.memberPageMax }),
  );
  return new EasemobList(mutes.map(mutedUser));
}

/** The router has decoded `%2C`. */
export async function unmuteUsers(
  bus: BusClient,
  ctx: RequestContext,
  group: RoutedGroup,
  usernames: string,
): Promise<UnmuteOutcome[]> {
  const userIds = pathUsernames(usernames, Limits.batchMemberOps);
  return (await bus.send(ModerationCommands.unmute, ctx, { ...group, userIds })).map(unmuteOutcome);
}

export const ApiMutedUsers = (): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary: `Every mute in force, oldest first: when each ends (ms, -1 permanent) and whom it mutes` }),
    ApiOkResponse({ type: MutedUser, isArray: true }),
  );

export const ApiMuteUsers = (allOrNothing: boolean): MethodDecorator =>
  applyDecorators(
    ApiOperation({
      summary:
        `Mute up to ${Limits.batchMemberOps} members for mute_duration ms (-1 permanent, 0 lifts): ` +
        (allOrNothing
          ? 'a user who is not a member, or the owner, refuses the whole request (403, nothing changes); else when each mute ends, in request order'
          : 'an outcome per user, in request order (who is not a member, or the owner, fails their item)'),
    }),
    ApiOkResponse({ type: MuteOutcome, isArray: true }),
    ApiBadRequestResponse({
      description: `No usernames, more than ${Limits.batchMemberOps}, an invalid one, or an invalid mute_duration`,
    }),
    ...(allOrNothing ? [ApiForbiddenResponse({ description: 'A user is not a member, or is the owner' })] : []),
  );

export const ApiUnmuteUsers = (): MethodDecorator =>
  applyDecorators(
    ApiParam({ name: 'usernames', description: `One username, or up to ${Limits.batchMemberOps} separated by commas` }),
    ApiOperation({
      summary: `Lift the mutes of one user or up to ${Limits.batchMemberOps} comma-separated (\`,\` or \`%2C\`): an outcome per user, in request order`,
    }),
    ApiOkResponse({ type: UnmuteOutcome, isArray: true }),
    ApiBadRequestResponse({ description: `More than ${Limits.batchMemberOps} usernames, or an invalid one` }),
  );
