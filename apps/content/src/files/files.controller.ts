import { Handles } from '@cohort/bus';
import {
  type CommandEnvelope,
  ContentCommands,
  type ContentPageCommand,
  type DeleteFilesCommand,
  type FileIdCommand,
  type RenameFileCommand,
  type UploadFileCommand,
} from '@cohort/contracts';
import { Controller } from '@nestjs/common';

import { FilesService } from './files.service';

@Controller()
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Handles(ContentCommands.uploadFile)
  upload(command: CommandEnvelope<UploadFileCommand>) {
    return this.files.upload(command, command.data);
  }

  @Handles(ContentCommands.getFile)
  get(command: CommandEnvelope<FileIdCommand>) {
    return this.files.get(command, command.data);
  }

  @Handles(ContentCommands.listFiles)
  list(command: CommandEnvelope<ContentPageCommand>) {
    return this.files.list(command, command.data);
  }

  @Handles(ContentCommands.renameFile)
  rename(command: CommandEnvelope<RenameFileCommand>) {
    return this.files.rename(command, command.data);
  }

  @Handles(ContentCommands.deleteFiles)
  delete(command: CommandEnvelope<DeleteFilesCommand>) {
    return this.files.delete(command, command.data);
  }
}
