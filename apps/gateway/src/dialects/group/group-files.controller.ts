import { BusClient, type RequestContext } from '@cohort/bus';
import { ContentCommands, Limits } from '@cohort/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { CallContext } from '../../http/call-context.decorator';
import { Dialect } from '../../http/dialect.decorator';
import { RateLimitFamily } from '../../http/rate-limit.guard';
import { DeleteOrPost, PutOrPost } from '../../http/twin-route';
import { toFileResult, toGroupFile } from './content.presenter';
import { ContentListQuery, DeleteFilesBody, FileQuery, RenameFileBody, UploadFileBody } from './dto/content.dto';
import { GroupFile, GroupFileResult } from './dto/content-answers';
import { DONE } from './dto/group-answers';
import { groupDialect } from './group-dialect';
import { ApiGroupPage, GroupPage } from './group-envelope.interceptor';

const WHO_CHANGES = 'its uploader, the owner and admins';

/** Metadata only: the bytes stay at each file's `url`. */
@ApiTags('group: files')
@Controller('group/file')
@Dialect(groupDialect)
@RateLimitFamily('group:files')
export class GroupFilesController {
  constructor(private readonly bus: BusClient) {}

  @Get()
  @ApiOperation({ summary: '4.19 One file of the group (members; anyone for a chatroom or a public group)' })
  @ApiOkResponse({ type: GroupFile })
  async get(@CallContext() ctx: RequestContext, @Query() query: FileQuery): Promise<GroupFile> {
    return toGroupFile(
      await this.bus.send(ContentCommands.getFile, ctx, { groupId: query.group_id, fileId: query.file_id }),
    );
  }

  @DeleteOrPost('delete')
  @ApiOperation({
    summary: `4.20 Delete up to ${Limits.idsPerCall} files (each by ${WHO_CHANGES}): a result per file, in request order`,
  })
  @ApiOkResponse({ type: GroupFileResult, isArray: true })
  async delete(@CallContext() ctx: RequestContext, @Body() body: DeleteFilesBody): Promise<GroupFileResult[]> {
    return (
      await this.bus.send(ContentCommands.deleteFiles, ctx, { groupId: body.group_id, fileIds: body.file_list })
    ).map(toFileResult);
  }

  @Get('list')
  @ApiOperation({
    summary: `4.21 The files, oldest first, all of them (or a page of at most ${Limits.contentPageMax} with \`limit\` or \`cursor\`)`,
  })
  @ApiGroupPage(GroupFile)
  async list(@CallContext() ctx: RequestContext, @Query() query: ContentListQuery): Promise<GroupPage<GroupFile>> {
    return ContentListQuery.answer(
      query,
      (cursor, limit) => this.bus.send(ContentCommands.listFiles, ctx, { groupId: query.group_id, cursor, limit }),
      toGroupFile,
    );
  }

  @PutOrPost('update_name')
  @ApiOperation({ summary: `4.22 Rename a file (${WHO_CHANGES})` })
  @ApiOkResponse({ schema: DONE })
  async updateName(@CallContext() ctx: RequestContext, @Body() body: RenameFileBody): Promise<true> {
    await this.bus.send(ContentCommands.renameFile, ctx, {
      groupId: body.group_id,
      fileId: body.file_id,
      name: body.name,
    });
    return true;
  }

  @Post('upload')
  @HttpCode(200)
  @ApiOperation({ summary: '4.23 Share a file with the group (members): its metadata; the bytes stay at `url`' })
  @ApiOkResponse({ type: GroupFile })
  async upload(@CallContext() ctx: RequestContext, @Body() body: UploadFileBody): Promise<GroupFile> {
    const { group_id, name, size, type, url } = body;
    return toGroupFile(
      await this.bus.send(ContentCommands.uploadFile, ctx, { groupId: group_id, name, size, type: type ?? '', url }),
    );
  }
}
