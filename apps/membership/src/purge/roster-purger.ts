import type { GroupKey } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';

import { InvitationRepository } from '../joining/invitation.repository';
import { JoinRequestRepository } from '../joining/join-request.repository';
import { MemberRepository } from '../members/member.repository';
import { RosterRepository } from '../roster/roster.repository';

@Injectable()
export class RosterPurger {
  constructor(
    private readonly rosters: RosterRepository,
    private readonly members: MemberRepository,
    private readonly requests: JoinRequestRepository,
    private readonly invitations: InvitationRepository,
  ) {}

  async purge(key: GroupKey): Promise<void> {
    await Promise.all([this.members.purge(key), this.requests.purge(key), this.invitations.purge(key)]);
    await this.rosters.purge(key);
  }
}
