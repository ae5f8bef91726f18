import type { RequestContext } from '@cohort/bus';
import type {
  ContentPageCommand,
  DeleteFilesCommand,
  FileIdCommand,
  FileResult,
  FileView,
  Page,
  RenameFileCommand,
  UploadFileCommand,
} from '@cohort/contracts';
import { DomainError } from '@cohort/errors';
import { assertMember, GroupAccessLoader } from '@cohort/group-access';
import { Outbox, Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { contentPage } from '../content-store/content-page';
import { fileChangeRefusal, fileNotFound } from '../rules/content.policy';
import { FileRepository } from './file.repository';

@Injectable()
export class FilesService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly files: FileRepository,
    private readonly outbox: Outbox,
  ) {}

  async upload(ctx: RequestContext, command: UploadFileCommand): Promise<FileView> {
    const access = await this.loader.load(ctx, command);
    assertMember(access);
    const now = Date.now();
    const { name, size, type, url } = command;
    const added = await this.files.insert(
      access.key,
      (fileId) => ({ fileId, name, size, type, url, uploaderId: ctx.caller.userId, createdAt: now, updatedAt: now }),
      (file) => this.outbox.prepare('file.added', ctx, access.key.groupId, file),
    );
    return this.outbox.commit(added);
  }

  async get(ctx: RequestContext, command: FileIdCommand): Promise<FileView> {
    const access = await this.loader.loadReadable(ctx, command);
    const file = await this.files.find(access.key, command.fileId);
    if (!file) throw DomainError.fromPayload(fileNotFound(command.fileId));
    return file;
  }

  async list(ctx: RequestContext, command: ContentPageCommand): Promise<Page<FileView>> {
    const access = await this.loader.loadReadable(ctx, command);
    return contentPage(this.files, access.key, command);
  }

  async rename(ctx: RequestContext, command: RenameFileCommand): Promise<FileView> {
    const access = await this.loader.load(ctx, command);
    assertMember(access);
    const file = await this.files.find(access.key, command.fileId);
    if (!file) throw DomainError.fromPayload(fileNotFound(command.fileId));
    const refusal = fileChangeRefusal(access, ctx.caller.userId, file);
    if (refusal) throw DomainError.fromPayload(refusal);
    if (file.name === command.name) return file;
    const event = this.outbox.prepare('file.renamed', ctx, command.groupId, {
      fileId: file.fileId,
      name: command.name,
      previousName: file.name,
    });
    const renamed = await this.outbox.commit(
      await this.files.rename(access.key, file.fileId, file.name, command.name, event),
    );
    if (!renamed) {
      const now = await this.files.find(access.key, file.fileId);
      throw now
        ? new DomainError('conflict', `file ${file.fileId} was renamed concurrently; read it and try again`)
        : DomainError.fromPayload(fileNotFound(file.fileId));
    }
    return renamed;
  }

  async delete(ctx: RequestContext, command: DeleteFilesCommand): Promise<FileResult[]> {
    const access = await this.loader.load(ctx, command);
    assertMember(access);
    const found = new Map(
      (await this.files.findMany(access.key, [...new Set(command.fileIds)])).map((file) => [file.fileId, file]),
    );
    const outcome = new Map<string, FileResult>();
    const deletions = [...found.values()].flatMap((file) => {
      const refusal = fileChangeRefusal(access, ctx.caller.userId, file);
      if (refusal) {
        outcome.set(file.fileId, { fileId: file.fileId, ok: false, error: refusal });
        return [];
      }
      return [
        {
          fileId: file.fileId,
          event: this.outbox.prepare('file.deleted', ctx, command.groupId, {
            fileId: file.fileId,
            name: file.name,
            url: file.url,
          }),
        },
      ];
    });
    // A file deleted concurrently is reported as not found.
    const writes = await Promise.all(deletions.map((d) => this.files.markDeleted(access.key, d.fileId, d.event)));
    const deleted = await this.outbox.commit(Written.all(writes));
    deletions.forEach((d, i) => deleted[i] && outcome.set(d.fileId, { fileId: d.fileId, ok: true }));
    return command.fileIds.map((fileId) => outcome.get(fileId) ?? { fileId, ok: false, error: fileNotFound(fileId) });
  }
}
