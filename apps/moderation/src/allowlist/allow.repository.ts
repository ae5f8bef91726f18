import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { HasOutbox } from '@cohort/outbox';
import { GroupUserListRepository } from '../user-lists/group-user-list.repository';
import { AllowDoc } from './schemas/allow.schema';

/** The only code touching the allows (allowlist) collection. */
@Injectable()
@HasOutbox()
export class AllowRepository extends GroupUserListRepository {
  constructor(@InjectModel(AllowDoc.name) model: Model<AllowDoc>) {
    super(model);
  }
}
