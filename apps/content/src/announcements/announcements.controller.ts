import { Handles } from '@cohort/bus';
import {
  type AnnouncementIdCommand,
  type CommandEnvelope,
  ContentCommands,
  type ContentPageCommand,
  type GroupIdCommand,
  type PublishAnnouncementCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { AnnouncementsService } from './announcements.service';

@Controller()
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Handles(ContentCommands.publishAnnouncement)
  publish(command: CommandEnvelope<PublishAnnouncementCommand>) {
    return this.announcements.publish(command, command.data);
  }

  @Handles(ContentCommands.getAnnouncement)
  get(command: CommandEnvelope<AnnouncementIdCommand>) {
    return this.announcements.get(command, command.data);
  }

  @Handles(ContentCommands.currentAnnouncement)
  current(command: CommandEnvelope<GroupIdCommand>) {
    return this.announcements.current(command, command.data);
  }

  @Handles(ContentCommands.listAnnouncements)
  list(command: CommandEnvelope<ContentPageCommand>) {
    return this.announcements.list(command, command.data);
  }

  @Handles(ContentCommands.deleteAnnouncement)
  delete(command: CommandEnvelope<AnnouncementIdCommand>) {
    return this.announcements.delete(command, command.data);
  }
}
