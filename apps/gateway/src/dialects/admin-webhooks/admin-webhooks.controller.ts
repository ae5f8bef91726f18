import { BusClient, type RequestContext } from '@cohort/bus';
import {
  CreateWebhookCommand,
  type Page,
  ReplayRequest,
  SecretRotation,
  WebhookChanges,
  WebhookCommands,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEndpointWithSecret,
  WebhookLimits,
  type WebhookReplayResult,
  type WebhookTestResult,
} from '@cohort/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { adminWebhooksDialect } from './admin-webhooks-dialect';
import { DeliveriesQuery } from './dto/deliveries-query.dto';
import {
  WEBHOOK_DELETED,
  WEBHOOK_DELIVERIES,
  WEBHOOK_ENDPOINT,
  WEBHOOK_ENDPOINT_WITH_SECRET,
  WEBHOOK_LIST,
  WEBHOOK_REPLAY,
  WEBHOOK_TEST,
} from './dto/webhook-answers';

const BAD_INPUT = { description: 'A field is invalid (the message names it), or the URL points at a refused address' };
const NO_WEBHOOK = { description: 'No webhook of that id in this app' };
const CONFIGURED = { description: "The webhook is set in the app's configuration (change it there)" };

/** Endpoints from the app's configuration are listed too, read-only (docs/webhooks.md). */
@Controller('admin/v1/webhooks')
@Dialect(adminWebhooksDialect)
@RateLimitFamily('admin:webhooks')
export class AdminWebhooksController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: "The app's webhook endpoints (from its configuration and from this API), oldest first" })
  @ApiOkResponse({ schema: WEBHOOK_LIST })
  async list(@CallContext() ctx: RequestContext): Promise<{ items: WebhookEndpointView[] }> {
    return { items: await this.bus.send(WebhookCommands.list, ctx, {}) };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: `Add an endpoint (at most ${WebhookLimits.endpointsPerApp} per app); the answer is the only one that shows a generated secret`,
  })
  @ApiOkResponse({ schema: WEBHOOK_ENDPOINT_WITH_SECRET })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiConflictResponse({ description: 'The app has as many webhooks as it may' })
  create(@CallContext() ctx: RequestContext, @Body() body: CreateWebhookCommand): Promise<WebhookEndpointWithSecret> {
    return this.bus.send(WebhookCommands.create, ctx, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One endpoint, with its circuit breaker' })
  @ApiOkResponse({ schema: WEBHOOK_ENDPOINT })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiNotFoundResponse(NO_WEBHOOK)
  get(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<WebhookEndpointView> {
    return this.bus.send(WebhookCommands.get, ctx, { endpointId: id });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the URL, the events, the description, or pause it (`disabled`)' })
  @ApiOkResponse({ schema: WEBHOOK_ENDPOINT })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiNotFoundResponse(NO_WEBHOOK)
  @ApiConflictResponse(CONFIGURED)
  update(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: WebhookChanges,
  ): Promise<WebhookEndpointView> {
    return this.bus.send(WebhookCommands.update, ctx, { ...body, endpointId: id });
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Remove the endpoint; its pending deliveries are given up' })
  @ApiOkResponse({ schema: WEBHOOK_DELETED })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiNotFoundResponse(NO_WEBHOOK)
  @ApiConflictResponse(CONFIGURED)
  delete(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<{ deleted: true }> {
    return this.bus.send(WebhookCommands.delete, ctx, { endpointId: id });
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'A new secret (given or generated); the previous one keeps signing beside it for `graceSeconds` (default a day)',
  })
  @ApiOkResponse({ schema: WEBHOOK_ENDPOINT_WITH_SECRET })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiNotFoundResponse(NO_WEBHOOK)
  @ApiConflictResponse(CONFIGURED)
  rotateSecret(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: SecretRotation,
  ): Promise<WebhookEndpointWithSecret> {
    return this.bus.send(WebhookCommands.rotateSecret, ctx, { ...body, endpointId: id });
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a `ping` now and answer how the endpoint answered (not retried, not stored)' })
  @ApiOkResponse({ schema: WEBHOOK_TEST })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiNotFoundResponse(NO_WEBHOOK)
  test(@CallContext() ctx: RequestContext, @Param('id') id: string): Promise<WebhookTestResult> {
    return this.bus.send(WebhookCommands.test, ctx, { endpointId: id });
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'What the endpoint was sent, newest first: attempts, last status and error, latency; filter by state',
  })
  @ApiOkResponse({ schema: WEBHOOK_DELIVERIES })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiNotFoundResponse(NO_WEBHOOK)
  deliveries(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Query() query: DeliveriesQuery,
  ): Promise<Page<WebhookDeliveryView>> {
    return this.bus.send(WebhookCommands.listDeliveries, ctx, { ...query, endpointId: id });
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({
    summary: `Send again, in order, the deliveries of a time range (\`from\`, \`to\`) or of \`eventIds\` (at most ${WebhookLimits.replayMax}), to the endpoint or to \`url\``,
  })
  @ApiOkResponse({ schema: WEBHOOK_REPLAY })
  @ApiBadRequestResponse(BAD_INPUT)
  @ApiNotFoundResponse(NO_WEBHOOK)
  replay(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: ReplayRequest,
  ): Promise<WebhookReplayResult> {
    return this.bus.send(WebhookCommands.replay, ctx, { ...body, endpointId: id });
  }
}
