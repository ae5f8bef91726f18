import { Module } from '@nestjs/common';
import { GroupAccessLoader } from './group-access';

/** The group and roles a service's rules need, asked of their owners (groups, membership). */
@Module({ providers: [GroupAccessLoader], exports: [GroupAccessLoader] })
export class GroupAccessModule {}
