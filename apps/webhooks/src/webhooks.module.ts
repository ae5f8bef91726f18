import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MongooseModule } from '@nestjs/mongoose';

import { AppsConfig } from './apps-config/apps-config';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { DeliveryRetentionSweep } from './deliveries/delivery-retention.sweeper';
import { QueueRepository } from './deliveries/queue.repository';
import { DeliveryDoc, DeliverySchema } from './deliveries/schemas/delivery.schema';
import { QueueDoc, QueueSchema } from './deliveries/schemas/queue.schema';
import { AddressGuard } from './dispatch/address-guard';
import { DISPATCH_SETTINGS, dispatchSettingsFrom } from './dispatch/dispatch-settings';
import { DispatchSignal } from './dispatch/dispatch-signal';
import { Dispatcher } from './dispatch/dispatcher';
import { EndpointBreaker } from './dispatch/endpoint-breaker';
import { HttpSender } from './dispatch/http-sender';
import { IngestFloor } from './dispatch/ingest-floor';
import { QueueRunner } from './dispatch/queue-runner';
import { EndpointRepository } from './endpoints/endpoint.repository';
import { EndpointsController } from './endpoints/endpoints.controller';
import { EndpointsService } from './endpoints/endpoints.service';
import { EndpointDoc, EndpointSchema } from './endpoints/schemas/endpoint.schema';
import { EventIngestHandler } from './ingest/event-ingest.handler';
import { IngestService } from './ingest/ingest.service';
import { GroupTypeRepository } from './projections/group-type.repository';
import { GroupTypeDoc, GroupTypeSchema } from './projections/schemas/group-type.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: EndpointDoc.name, schema: EndpointSchema },
      { name: DeliveryDoc.name, schema: DeliverySchema },
      { name: QueueDoc.name, schema: QueueSchema },
      { name: GroupTypeDoc.name, schema: GroupTypeSchema },
    ]),
  ],
  controllers: [EndpointsController, DeliveriesController],
  providers: [
    { provide: DISPATCH_SETTINGS, inject: [ConfigService], useFactory: dispatchSettingsFrom },
    AppsConfig,
    AddressGuard,
    HttpSender,
    EndpointRepository,
    DeliveryRepository,
    QueueRepository,
    GroupTypeRepository,
    EndpointsService,
    DeliveriesService,
    IngestService,
    EventIngestHandler,
    DispatchSignal,
    IngestFloor,
    EndpointBreaker,
    QueueRunner,
    Dispatcher,
    DeliveryRetentionSweep,
  ],
})
export class WebhooksModule {}
