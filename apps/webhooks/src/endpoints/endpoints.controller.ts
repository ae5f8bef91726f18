import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type CreateWebhookCommand,
  type EmptyCommand,
  type RotateWebhookSecretCommand,
  type UpdateWebhookCommand,
  WebhookCommands,
  type WebhookIdCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { EndpointsService } from './endpoints.service';

@Controller()
export class EndpointsController {
  constructor(private readonly endpoints: EndpointsService) {}

  @Handles(WebhookCommands.create)
  create(command: CommandEnvelope<CreateWebhookCommand>) {
    return this.endpoints.create(command, command.data);
  }

  @Handles(WebhookCommands.list)
  list(command: CommandEnvelope<EmptyCommand>) {
    return this.endpoints.list(command);
  }

  @Handles(WebhookCommands.get)
  get(command: CommandEnvelope<WebhookIdCommand>) {
    return this.endpoints.get(command, command.data);
  }

  @Handles(WebhookCommands.update)
  update(command: CommandEnvelope<UpdateWebhookCommand>) {
    return this.endpoints.update(command, command.data);
  }

  @Handles(WebhookCommands.delete)
  delete(command: CommandEnvelope<WebhookIdCommand>) {
    return this.endpoints.delete(command, command.data);
  }

  @Handles(WebhookCommands.rotateSecret)
  rotateSecret(command: CommandEnvelope<RotateWebhookSecretCommand>) {
    return this.endpoints.rotateSecret(command, command.data);
  }

  @Handles(WebhookCommands.test)
  test(command: CommandEnvelope<WebhookIdCommand>) {
    return this.endpoints.test(command, command.data);
  }
}
