import { GroupAccessModule } from '@cohort/group-access';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { ListChanges } from './list-changes';
import { ReadableGroups } from './readable-groups';
import { StandingDoc, StandingSchema } from './schemas/standing.schema';
import { StandingRepository } from './standing.repository';

@Module({
  imports: [MongooseModule.forFeature([{ name: StandingDoc.name, schema: StandingSchema }]), GroupAccessModule],
  providers: [StandingRepository, ListChanges, ReadableGroups],
  exports: [StandingRepository, ListChanges, ReadableGroups],
})
export class StandingsModule {}
