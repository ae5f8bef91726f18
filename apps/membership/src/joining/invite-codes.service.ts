import type { RequestContext } from '@cohort/bus';
import { groupKeyOf, type JoinByCodeCommand } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { actingUser, assertAdmin, assertMember } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

import { GroupContextLoader } from '../members/group-context.loader';
import { RosterRepository } from '../roster/roster.repository';
import { AdmissionService } from './admission.service';

@Injectable()
export class InviteCodesService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly rosters: RosterRepository,
    private readonly admission: AdmissionService,
  ) {}

  async get(ctx: RequestContext, { groupId }: { groupId: string }): Promise<{ code: string }> {
    const [gc, roster] = await Promise.all([
      this.loader.load(ctx, groupId),
      this.rosters.find(groupKeyOf(ctx, groupId)),
    ]);
    assertMember(gc);
    if (!roster) throw new DomainError('group_not_found', `group ${groupId} does not exist`);
    return { code: roster.inviteCode };
  }

  async rotate(ctx: RequestContext, { groupId }: { groupId: string }): Promise<{ code: string }> {
    const gc = await this.loader.load(ctx, groupId);
    assertAdmin(gc, 'rotate the invite code');
    const code = await this.rosters.rotateInviteCode(gc.key);
    if (!code) throw new DomainError('group_not_found', `group ${groupId} does not exist`);
    return { code };
  }

  /** Not members only: the code is what members share. */
  async find(ctx: RequestContext, { code }: JoinByCodeCommand): Promise<{ groupId: string }> {
    const roster = await this.rosters.findByInviteCode(ctx.caller.appId, code);
    if (!roster) throw new DomainError('not_found', 'no group has this invite code (it may have been rotated)');
    return { groupId: roster.groupId };
  }

  async join(ctx: RequestContext, { code }: JoinByCodeCommand): Promise<{ groupId: string }> {
    const roster = await this.rosters.findByInviteCode(ctx.caller.appId, code);
    if (!roster) throw new DomainError('not_found', 'no group has this invite code (it may have been rotated)');
    const gc = await this.loader.load(ctx, roster.groupId);
    const userId = actingUser(ctx.caller, 'join by invite code', gc);
    await this.admission.admitOne(ctx, gc, userId, 'code');
    return { groupId: roster.groupId };
  }
}
