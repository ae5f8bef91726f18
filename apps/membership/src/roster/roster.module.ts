import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RosterController } from './roster.controller';
import { RosterPurgeOnGroupDestroyed } from './roster-purge.handler';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';
import { MemberDoc, MemberSchema } from './schemas/member.schema';
import { RosterDoc, RosterSchema } from './schemas/roster.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: RosterDoc.name, schema: RosterSchema },
      { name: MemberDoc.name, schema: MemberSchema },
    ]),
  ],
  controllers: [RosterController],
  providers: [RosterRepository, RosterService, RosterPurgeOnGroupDestroyed],
})
export class RosterModule {}
