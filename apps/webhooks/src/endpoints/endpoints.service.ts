import { createHash, randomBytes, randomUUID } from 'node:crypto';

import {
  ALL_EVENTS,
  type CommandEnvelope,
  type CreateWebhookCommand,
  type RotateWebhookSecretCommand,
  type UpdateWebhookCommand,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  type WebhookFormat,
  type WebhookIdCommand,
  WebhookLimits,
  type WebhookSource,
  type WebhookTestResult,
} from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';

import { AppsConfig, type StaticWebhook } from '../apps-config/apps-config';
import { DeliveryRepository } from '../deliveries/delivery.repository';
import { QueueRepository } from '../deliveries/queue.repository';
import { AddressGuard } from '../dispatch/address-guard';
import { DispatchSignal } from '../dispatch/dispatch-signal';
import { HttpSender, isSuccess } from '../dispatch/http-sender';
import { renderPing } from '../formats/render';
import { webhookAdminOnly } from '../rules/webhook-access';
import { EndpointRepository, type NewEndpoint } from './endpoint.repository';
import { signingSecrets, toEndpointView, withSecret } from './endpoint.view';
import type { EndpointDoc } from './schemas/endpoint.schema';
import { checkSecret, generateSecret } from './secrets';

const notFound = (endpointId: string) => new DomainError('not_found', `no webhook ${endpointId}`);
const configured = (endpointId: string) =>
  new DomainError('conflict', `webhook ${endpointId} is set in the app's configuration (APPS_JSON): change it there`);

/** Stable across restarts and instances for the same app, URL and format. */
function configEndpointId(appId: string, webhook: StaticWebhook): string {
  return `cfg_${createHash('sha256')
    .update(`${appId}\n${webhook.url}\n${webhook.format ?? 'standard'}`)
    .digest('base64url')
    .slice(0, 22)}`;
}

function newEndpoint(
  _id: string,
  appId: string,
  source: WebhookSource,
  fields: CreateWebhookCommand & { format: WebhookFormat; secret: string },
  now: Date,
): NewEndpoint {
  return {
    _id,
    appId,
    url: fields.url,
    format: fields.format,
    events: fields.events ?? [ALL_EVENTS],
    description: fields.description ?? '',
    disabled: fields.disabled ?? false,
    source,
    secrets: [{ secret: fields.secret, expiresAt: null }],
    createdAt: now,
    updatedAt: now,
  };
}

@Injectable()
export class EndpointsService implements OnApplicationBootstrap {
  constructor(
    private readonly endpoints: EndpointRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly queues: QueueRepository,
    private readonly apps: AppsConfig,
    private readonly guard: AddressGuard,
    private readonly sender: HttpSender,
    private readonly signal: DispatchSignal,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const now = new Date();
    for (const app of this.apps.all()) {
      const entries: NewEndpoint[] = app.webhooks.map((webhook, index) => {
        const format = webhook.format ?? 'standard';
        checkSecret(format, webhook.secret, `apps.${app.appId}.webhooks[${index}].secret`);
        return newEndpoint(configEndpointId(app.appId, webhook), app.appId, 'config', { ...webhook, format }, now);
      });
      await this.endpoints.syncConfig(app.appId, entries);
    }
  }

  async create(ctx: CommandEnvelope<unknown>, input: CreateWebhookCommand): Promise<WebhookEndpointWithSecret> {
    const appId = webhookAdminOnly(ctx);
    const format = input.format ?? 'standard';
    if (input.secret !== undefined) checkSecret(format, input.secret);
    await this.guard.check(input.url, 'url');
    if ((await this.endpoints.count(appId)) >= WebhookLimits.endpointsPerApp) {
      throw new DomainError('conflict', `an app may have at most ${WebhookLimits.endpointsPerApp} webhooks`);
    }
    const secret = input.secret ?? generateSecret(format);
    const created = await this.endpoints.insert(
      newEndpoint(
        `wh_${randomBytes(12).toString('base64url')}`,
        appId,
        'api',
        { ...input, format, secret },
        new Date(),
      ),
    );
    return withSecret(created);
  }

  async list(ctx: CommandEnvelope<unknown>): Promise<WebhookEndpointView[]> {
    const appId = webhookAdminOnly(ctx);
    return (await this.endpoints.list(appId)).map((doc) => toEndpointView(doc));
  }

  async get(ctx: CommandEnvelope<unknown>, input: WebhookIdCommand): Promise<WebhookEndpointView> {
    return toEndpointView(await this.find(webhookAdminOnly(ctx), input.endpointId));
  }

  async update(ctx: CommandEnvelope<unknown>, input: UpdateWebhookCommand): Promise<WebhookEndpointView> {
    const appId = webhookAdminOnly(ctx);
    const current = await this.find(appId, input.endpointId);
    if (current.source === 'config') throw configured(current._id);
    if (input.url !== undefined) await this.guard.check(input.url, 'url');
    const { endpointId, ...changes } = input;
    const now = new Date();
    const updated = await this.endpoints.update(appId, endpointId, changes, now);
    if (!updated) throw notFound(endpointId);
    if (current.disabled && !updated.disabled) {
      // Its deliveries waited while it was disabled (the queue runner paused them): on with them.
      await this.queues.resumeEndpoint(appId, endpointId, now);
      this.signal.wake();
    }
    return toEndpointView(updated);
  }

  async delete(ctx: CommandEnvelope<unknown>, input: WebhookIdCommand): Promise<{ deleted: true }> {
    const appId = webhookAdminOnly(ctx);
    const current = await this.find(appId, input.endpointId);
    if (current.source === 'config') throw configured(current._id);
    if (!(await this.endpoints.delete(appId, input.endpointId))) throw notFound(input.endpointId);
    await this.deliveries.failAllPending(appId, input.endpointId, 'endpoint deleted');
    await this.queues.deleteForEndpoint(appId, input.endpointId);
    return { deleted: true };
  }

  /** The previous secret keeps signing too (standard format) until the grace period ends. */
  async rotateSecret(
    ctx: CommandEnvelope<unknown>,
    input: RotateWebhookSecretCommand,
  ): Promise<WebhookEndpointWithSecret> {
    const appId = webhookAdminOnly(ctx);
    const current = await this.find(appId, input.endpointId);
    if (current.source === 'config') throw configured(current._id);
    if (input.secret !== undefined) checkSecret(current.format, input.secret);
    const now = new Date();
    const graceMs = (input.graceSeconds ?? WebhookLimits.rotationGraceDefaultSeconds) * 1000;
    const previous = current.secrets[0].secret;
    const secrets = [
      { secret: input.secret ?? generateSecret(current.format), expiresAt: null },
      ...(graceMs > 0 ? [{ secret: previous, expiresAt: new Date(now.getTime() + graceMs) }] : []),
    ];
    const rotated = await this.endpoints.replaceSecrets(appId, current._id, previous, secrets, now);
    if (!rotated)
      throw new DomainError('conflict', 'the secret was rotated concurrently: read the webhook and try again');
    return withSecret(rotated);
  }

  /** No retry, nothing stored. */
  async test(ctx: CommandEnvelope<unknown>, input: WebhookIdCommand): Promise<WebhookTestResult> {
    const appId = webhookAdminOnly(ctx);
    const endpoint = await this.find(appId, input.endpointId);
    const app = this.apps.find(appId);
    const now = Date.now();
    const request = renderPing(
      {
        format: endpoint.format,
        secrets: signingSecrets(endpoint),
        orgName: app?.orgName ?? appId,
        appName: app?.appName ?? appId,
      },
      appId,
      endpoint._id,
      randomUUID(),
      now,
    );
    const outcome = await this.sender.send(endpoint.url, request);
    return { ok: isSuccess(outcome), status: outcome.status, error: outcome.error, latencyMs: outcome.latencyMs };
  }

  async find(appId: string, endpointId: string): Promise<EndpointDoc> {
    const doc = await this.endpoints.get(appId, endpointId);
    if (!doc) throw notFound(endpointId);
    return doc;
  }
}
