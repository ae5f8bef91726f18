import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import type { Page } from '../common/paging';
import { declareCommand, replyType } from '../declare';
import { EmptyCommand } from '../health/health.commands';
import {
  ALL_EVENTS,
  DELIVERY_STATES,
  type DeliveryState,
  EVENT_TYPES,
  WEBHOOK_FORMATS,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  type WebhookEventFilter,
  type WebhookFormat,
  WebhookLimits,
  type WebhookReplayResult,
  type WebhookTestResult,
} from './webhook.types';

/** An endpoint URL's shape: absolute http(s) with a host. Where it may point is the service's rule (docs/webhooks.md). */
export const WEBHOOK_URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/;
const URL_RULE = { message: '$property must be an http or https URL' };
const EVENTS_RULE = { each: true, message: `$property must list event types or "${ALL_EVENTS}"` };
export const WEBHOOK_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

class WebhookUrlField {
  @IsString()
  @MaxLength(WebhookLimits.url)
  @Matches(WEBHOOK_URL_PATTERN, URL_RULE)
  url!: string;
}

export class CreateWebhookCommand extends WebhookUrlField {
  @IsOptional()
  @IsIn(WEBHOOK_FORMATS)
  format?: WebhookFormat;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn([ALL_EVENTS, ...EVENT_TYPES], EVENTS_RULE)
  events?: WebhookEventFilter[];

  /** Absent: one is generated (`whsec_…` for `standard`). */
  @IsOptional()
  @IsString()
  @MinLength(WebhookLimits.easemobSecretMinLength)
  @MaxLength(WebhookLimits.secretMaxLength)
  secret?: string;

  @IsOptional()
  @IsString()
  @MaxLength(WebhookLimits.description)
  description?: string;

  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

const ID_RULE = { message: '$property must be a webhook id' };

export class WebhookIdCommand {
  @Matches(WEBHOOK_ID_PATTERN, ID_RULE)
  endpointId!: string;
}

export class WebhookChanges {
  @IsOptional()
  @IsString()
  @MaxLength(WebhookLimits.url)
  @Matches(WEBHOOK_URL_PATTERN, URL_RULE)
  url?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_TYPES.length)
  @IsIn([ALL_EVENTS, ...EVENT_TYPES], EVENTS_RULE)
  events?: WebhookEventFilter[];

  @IsOptional()
  @IsString()
  @MaxLength(WebhookLimits.description)
  description?: string;

  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

export class UpdateWebhookCommand extends WebhookChanges {
  @Matches(WEBHOOK_ID_PATTERN, ID_RULE)
  endpointId!: string;
}

export class SecretRotation {
  /** Absent: one is generated. */
  @IsOptional()
  @IsString()
  @MinLength(WebhookLimits.easemobSecretMinLength)
  @MaxLength(WebhookLimits.secretMaxLength)
  secret?: string;

  /** How long the previous secret keeps signing too (default a day, 0: stops at once). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(WebhookLimits.rotationGraceMaxSeconds)
  graceSeconds?: number;
}

export class RotateWebhookSecretCommand extends SecretRotation {
  @Matches(WEBHOOK_ID_PATTERN, ID_RULE)
  endpointId!: string;
}

export class ListWebhookDeliveriesCommand extends WebhookIdCommand {
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @IsOptional()
  @IsString()
  @MaxLength(256)
  cursor?: string;

  @IsInt()
  @Min(1)
  @Max(WebhookLimits.pageMax)
  limit!: number;
}

/** Sends again the endpoint's deliveries of a time range, or of the given events; to another URL when `url` is given. */
export class ReplayRequest {
  /** ms since epoch, inclusive (with `to`, instead of `eventIds`). */
  @IsOptional()
  @IsInt()
  @Min(0)
  from?: number;

  /** ms since epoch, exclusive. */
  @IsOptional()
  @IsInt()
  @Min(0)
  to?: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WebhookLimits.replayEventIdsMax)
  @IsString({ each: true })
  @MaxLength(256, { each: true })
  eventIds?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(WebhookLimits.url)
  @Matches(WEBHOOK_URL_PATTERN, URL_RULE)
  url?: string;
}

export class ReplayWebhookCommand extends ReplayRequest {
  @Matches(WEBHOOK_ID_PATTERN, ID_RULE)
  endpointId!: string;
}

/** App admins only. */
export const WebhookCommands = {
  create: declareCommand('webhooks.endpoint.create', CreateWebhookCommand, replyType<WebhookEndpointWithSecret>()),
  list: declareCommand('webhooks.endpoint.list', EmptyCommand, replyType<WebhookEndpointView[]>()),
  get: declareCommand('webhooks.endpoint.get', WebhookIdCommand, replyType<WebhookEndpointView>()),
  update: declareCommand('webhooks.endpoint.update', UpdateWebhookCommand, replyType<WebhookEndpointView>()),
  delete: declareCommand('webhooks.endpoint.delete', WebhookIdCommand, replyType<{ deleted: true }>()),
  rotateSecret: declareCommand(
    'webhooks.endpoint.rotate_secret',
    RotateWebhookSecretCommand,
    replyType<WebhookEndpointWithSecret>(),
  ),
  /** Sends a `ping` now and answers how the endpoint answered (nothing queued, nothing retried). */
  test: declareCommand('webhooks.endpoint.test', WebhookIdCommand, replyType<WebhookTestResult>()),
  listDeliveries: declareCommand(
    'webhooks.delivery.list',
    ListWebhookDeliveriesCommand,
    replyType<Page<WebhookDeliveryView>>(),
  ),
  /** Deliveries of the app still waiting for a 2xx, over all its endpoints (the admin dashboard's backlog). */
  backlog: declareCommand('webhooks.delivery.backlog', EmptyCommand, replyType<{ pending: number }>()),
  replay: declareCommand('webhooks.delivery.replay', ReplayWebhookCommand, replyType<WebhookReplayResult>()),
};
