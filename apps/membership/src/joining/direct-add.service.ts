import type { RequestContext } from '@cohort/bus';
import type { AddMembersCommand, ItemResult } from '@cohort/contracts';
import { assertAdmin } from '@cohort/group-access';
import { Injectable } from '@nestjs/common';

import { GroupContextLoader } from '../members/group-context.loader';
import { AdmissionService } from './admission.service';

/** Direct adds: admins only, no acceptance needed (unlike an invitation). */
@Injectable()
export class DirectAddService {
  constructor(
    private readonly loader: GroupContextLoader,
    private readonly admission: AdmissionService,
  ) {}

  /** Per item in request order; capacity is all or nothing for the batch. */
  async add(ctx: RequestContext, command: AddMembersCommand): Promise<ItemResult[]> {
    const { userIds } = command;
    // Only the caller is looked up: the insert itself tells who was a member already.
    const gc = await this.loader.load(ctx, command);
    assertAdmin(gc, 'add members');
    const admission = await this.admission.admit(ctx, gc, userIds, 'added');
    return userIds.map((userId) => {
      const refusal = admission.get(userId);
      return refusal ? { userId, ok: false, error: refusal } : { userId, ok: true };
    });
  }
}
