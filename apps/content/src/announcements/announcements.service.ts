import type { RequestContext } from '@cohort/bus';
import type {
  AnnouncementIdCommand,
  AnnouncementView,
  ContentPageCommand,
  GroupIdCommand,
  Page,
  PublishAnnouncementCommand,
} from '@cohort/contracts';
import { GroupAccessLoader } from '@cohort/group-access';
import { Outbox } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';

import { contentPage } from '../content-store/content-page';
import { announcementNotFound, assertCanEditAnnouncements } from '../rules/content.policy';
import { AnnouncementRepository } from './announcement.repository';

@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly loader: GroupAccessLoader,
    private readonly announcements: AnnouncementRepository,
    private readonly outbox: Outbox,
  ) {}

  async publish(ctx: RequestContext, command: PublishAnnouncementCommand): Promise<AnnouncementView> {
    const access = await this.loader.load(ctx, command);
    assertCanEditAnnouncements(access);
    const createdAt = Date.now();
    const { title, content } = command;
    const published = await this.announcements.insert(
      access.key,
      (announcementId) => ({ announcementId, title, content, authorId: ctx.caller.userId, createdAt }),
      (announcement) => this.outbox.prepare('announcement.published', ctx, access.key.groupId, announcement),
    );
    return this.outbox.commit(published);
  }

  async get(ctx: RequestContext, command: AnnouncementIdCommand): Promise<AnnouncementView> {
    const access = await this.loader.loadReadable(ctx, command);
    const announcement = await this.announcements.find(access.key, command.announcementId);
    if (!announcement) throw announcementNotFound(command.announcementId);
    return announcement;
  }

  async current(ctx: RequestContext, command: GroupIdCommand): Promise<AnnouncementView | null> {
    const access = await this.loader.loadReadable(ctx, command);
    return this.announcements.latest(access.key);
  }

  async list(ctx: RequestContext, command: ContentPageCommand): Promise<Page<AnnouncementView>> {
    const access = await this.loader.loadReadable(ctx, command);
    return contentPage(this.announcements, access.key, command);
  }

  async delete(ctx: RequestContext, command: AnnouncementIdCommand): Promise<{ deleted: true }> {
    const access = await this.loader.load(ctx, command);
    assertCanEditAnnouncements(access);
    const event = this.outbox.prepare('announcement.deleted', ctx, command.groupId, {
      announcementId: command.announcementId,
    });
    if (!(await this.outbox.commit(await this.announcements.markDeleted(access.key, command.announcementId, event))))
      throw announcementNotFound(command.announcementId);
    return { deleted: true };
  }
}
