import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type EmptyCommand,
  type ListWebhookDeliveriesCommand,
  type ReplayWebhookCommand,
  WebhookCommands,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { DeliveriesService } from './deliveries.service';

@Controller()
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Handles(WebhookCommands.listDeliveries)
  list(command: CommandEnvelope<ListWebhookDeliveriesCommand>) {
    return this.deliveries.list(command, command.data);
  }

  @Handles(WebhookCommands.backlog)
  backlog(command: CommandEnvelope<EmptyCommand>) {
    return this.deliveries.backlog(command);
  }

  @Handles(WebhookCommands.replay)
  replay(command: CommandEnvelope<ReplayWebhookCommand>) {
    return this.deliveries.replay(command, command.data);
  }
}
