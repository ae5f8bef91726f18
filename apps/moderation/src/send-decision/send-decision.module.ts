import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { FactProjectionHandlers } from '../projections/fact-projection.handlers';
import { FactProjector } from '../projections/fact-projector';
import { GroupFactsReconciler } from '../projections/group-facts.reconciler';
import { GroupFactsRepository } from '../projections/group-facts.repository';
import { OwnerCheckedGroupFacts } from '../projections/owner-checked-group-facts';
import { OwnerCheckedRoles } from '../projections/owner-checked-roles';
import { RolesReconciler } from '../projections/roles.reconciler';
import { GroupFactsDoc, GroupFactsSchema } from '../projections/schemas/group-facts.schema';
import { StandingsModule } from '../standings/standings.module';
import { SendCheckResponder } from './send-check.responder';
import { SendDecisionController } from './send-decision.controller';
import { SendDecisions } from './send-decisions.service';
import { StandingCache } from './standing-cache';

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
