import { BusClient, type RequestContext } from '@cohort/bus';
import { Limits, RoomMetadataCommands } from '@cohort/contracts';
import { applyDecorators, Body, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiForbiddenResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { MetadataKeysBody, MetadataQueryBody, SetMetadataBody } from './dto/metadata.dto';
import { METADATA_VALUES, MetadataOutcome } from './dto/metadata-answers';
import { easemobDialect } from './easemob-dialect';
import { GroupPathController } from './easemob-group-path';
import { metadataOutcome, metadataValues } from './easemob-metadata.presenter';

/** In a forced removal's path, names the app admin itself rather than a member (Easemob's SDK sends it). */
const APP_ADMIN = 'admin';

const ApiChange = (summary: string, forced: boolean): MethodDecorator =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiOkResponse({ type: MetadataOutcome }),
    ApiBadRequestResponse({
      description: `More than ${Limits.roomAttributesPerCall} keys, none, or a body of the wrong shape`,
    }),
    ApiForbiddenResponse({
      description: forced
        ? 'username is not the owner or an admin of the chatroom'
        : 'username is not a member of the chatroom',
    }),
  );

/** Set and removed by the app admin on behalf of a member: the path's username owns the keys set. */
@GroupPathController('metadata/chatroom', 'id', 'easemob: chatroom attributes', 'The chatroom id')
@Dialect(easemobDialect)
@RateLimitFamily('easemob:metadata')
export class EasemobChatroomMetadataController {
  constructor(private readonly bus: BusClient) {}

  @Put('user/:username')
  @ApiChange(
    'Set attributes as a member, who owns them; a key another member set fails (in errorKeys), as does each key that cannot be set',
    false,
  )
  set(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('username') username: string,
    @Body() body: SetMetadataBody,
  ): Promise<MetadataOutcome> {
    return this.setAs(ctx, id, username, body, false);
  }

  @Put('user/:username/forced')
  @ApiChange('Set attributes as the owner or an admin, overwriting those other members set (who lose them)', true)
  setForced(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('username') username: string,
    @Body() body: SetMetadataBody,
  ): Promise<MetadataOutcome> {
    return this.setAs(ctx, id, username, body, true);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Read the attributes: those of `keys` (unknown ones are left out), or all of them' })
  @ApiBody({ type: MetadataQueryBody, required: false, description: 'No body, like no keys: all of them' })
  @ApiOkResponse({ schema: METADATA_VALUES })
  @ApiBadRequestResponse({
    description: `keys is not a list of strings, or names more than ${Limits.roomAttributesPerRoom}`,
  })
  async get(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Body() body: MetadataQueryBody,
  ): Promise<Record<string, string>> {
    return metadataValues(
      await this.bus.send(RoomMetadataCommands.getAttributes, ctx, { groupId: id, keys: body.keys ?? undefined }),
    );
  }

  @Delete('user/:username')
  @ApiChange(
    "Remove a member's own attributes; a key another member set fails (in errorKeys), a key that is not there succeeds",
    false,
  )
  remove(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('username') username: string,
    @Body() body: MetadataKeysBody,
  ): Promise<MetadataOutcome> {
    return this.removeAs(ctx, id, username, body, false);
  }

  @Delete('user/:username/forced')
  @ApiChange(
    `Remove attributes whoever set them, as the owner or an admin, or as the app admin itself with the username \`${APP_ADMIN}\``,
    true,
  )
  removeForced(
    @CallContext() ctx: RequestContext,
    @Param('id') id: string,
    @Param('username') username: string,
    @Body() body: MetadataKeysBody,
  ): Promise<MetadataOutcome> {
    return this.removeAs(ctx, id, username === APP_ADMIN ? null : username, body, true);
  }

  private async setAs(
    ctx: RequestContext,
    id: string,
    userId: string,
    body: SetMetadataBody,
    forced: boolean,
  ): Promise<MetadataOutcome> {
    const removeOnLeave = body.autoDelete !== 'NO_DELETE';
    return metadataOutcome(
      await this.bus.send(RoomMetadataCommands.setAttributes, ctx, {
        groupId: id,
        userId,
        attributes: body.metaData,
        removeOnLeave,
        forced,
      }),
    );
  }

  /** `userId` null: the app admin itself. */
  private async removeAs(
    ctx: RequestContext,
    id: string,
    userId: string | null,
    body: MetadataKeysBody,
    forced: boolean,
  ): Promise<MetadataOutcome> {
    return metadataOutcome(
      await this.bus.send(RoomMetadataCommands.removeAttributes, ctx, {
        groupId: id,
        userId: userId ?? undefined,
        keys: body.keys,
        forced,
      }),
    );
  }
}
