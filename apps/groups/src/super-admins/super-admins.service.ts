import type { RequestContext } from '@cohort/bus';
import type { ListSuperAdminsCommand, Page, SuperAdminCommand } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { Injectable } from '@nestjs/common';

import { SuperAdminRepository } from './super-admin.repository';

@Injectable()
export class SuperAdminsService {
  constructor(private readonly superAdmins: SuperAdminRepository) {}

  async add(ctx: RequestContext, { userId }: SuperAdminCommand): Promise<{ added: boolean }> {
    assertAppAdmin(ctx);
    return { added: await this.superAdmins.add(ctx.caller.appId, userId) };
  }

  async remove(ctx: RequestContext, { userId }: SuperAdminCommand): Promise<{ removed: true }> {
    assertAppAdmin(ctx);
    if (!(await this.superAdmins.remove(ctx.caller.appId, userId)))
      throw new DomainError('not_found', `user ${userId} is not a super admin`);
    return { removed: true };
  }

  async list(ctx: RequestContext, { pageNumber, pageSize }: ListSuperAdminsCommand): Promise<Page<string>> {
    assertAppAdmin(ctx);
    const skip = (pageNumber - 1) * pageSize;
    const { userIds, total } = await this.superAdmins.page(ctx.caller.appId, skip, pageSize);
    return { items: userIds, cursor: skip + userIds.length < total ? String(pageNumber + 1) : null, total };
  }
}

function assertAppAdmin(ctx: RequestContext): void {
  if (!ctx.caller.isAppAdmin) throw new DomainError('forbidden', 'only the app admin manages super admins');
}
