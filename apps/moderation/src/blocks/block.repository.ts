import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { HasOutbox } from '@cohort/outbox';
import { GroupUserListRepository } from '../user-lists/group-user-list.repository';
import { BlockDoc } from './schemas/block.schema';

/** The only code touching the blocks collection. */
@Injectable()
@HasOutbox()
export class BlockRepository extends GroupUserListRepository {
  constructor(@InjectModel(BlockDoc.name) model: Model<BlockDoc>) {
    super(model);
  }
}
