import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { StandingsModule } from '../standings/standings.module';
import { FactProjectionHandlers } from './fact-projection.handlers';
import { FactProjector } from './fact-projector';
import { GroupFactsReconciler } from './group-facts.reconciler';
import { GroupFactsRepository } from './group-facts.repository';
import { OwnerCheckedGroupFacts } from './owner-checked-group-facts';
import { OwnerCheckedRoles } from './owner-checked-roles';
import { RolesReconciler } from './roles.reconciler';
import { GroupFactsDoc, GroupFactsSchema } from './schemas/group-facts.schema';
import { SendCheckResponder } from './send-check.responder';
import { SendDecisionController } from './send-decision.controller';
import { SendDecisions } from './send-decisions.service';
import { StandingCache } from './standing-cache';

/** The send decision: its cache and responder, and the projection of other services' facts it reads cold. */
@Module({
  imports: [MongooseModule.forFeature([{ name: GroupFactsDoc.name, schema: GroupFactsSchema }]), StandingsModule],
  controllers: [SendDecisionController],
  providers: [
    GroupFactsRepository,
    OwnerCheckedGroupFacts,
    GroupFactsReconciler,
    OwnerCheckedRoles,
    RolesReconciler,
    FactProjector,
    ...FactProjectionHandlers,
    StandingCache,
    SendDecisions,
    SendCheckResponder,
  ],
  exports: [GroupFactsRepository, FactProjector],
})
export class SendDecisionModule {}
