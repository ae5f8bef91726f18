import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ListChanges } from './list-changes';
import { StandingDoc, StandingSchema } from './schemas/standing.schema';
import { StandingChanges } from './standing-changes';
import { StandingRepository } from './standing.repository';

/** Users' standings in groups: mutes, blocklist, allowlist and (projected) roles, one document each. */
@Module({
  imports: [MongooseModule.forFeature([{ name: StandingDoc.name, schema: StandingSchema }])],
  providers: [StandingRepository, StandingChanges, ListChanges],
  exports: [StandingRepository, StandingChanges, ListChanges],
})
export class StandingsModule {}
