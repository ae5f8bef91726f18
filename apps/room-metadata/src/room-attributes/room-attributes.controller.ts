import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  type GetRoomAttributesCommand,
  type RemoveRoomAttributesCommand,
  RoomMetadataCommands,
  type SetRoomAttributesCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { RoomAttributesService } from './room-attributes.service';

@Controller()
export class RoomAttributesController {
  constructor(private readonly attributes: RoomAttributesService) {}

  @Handles(RoomMetadataCommands.setAttributes)
  set(command: CommandEnvelope<SetRoomAttributesCommand>) {
    return this.attributes.set(command, command.data);
  }

  @Handles(RoomMetadataCommands.getAttributes)
  get(command: CommandEnvelope<GetRoomAttributesCommand>) {
    return this.attributes.get(command, command.data);
  }

  @Handles(RoomMetadataCommands.removeAttributes)
  remove(command: CommandEnvelope<RemoveRoomAttributesCommand>) {
    return this.attributes.remove(command, command.data);
  }
}
