import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { SuperAdminDoc } from './super-admin.schema';

@Injectable()
export class SuperAdminRepository {
  constructor(@InjectModel(SuperAdminDoc.name) private readonly model: Model<SuperAdminDoc>) {}

  async isSuperAdmin(appId: string, userId: string): Promise<boolean> {
    return (await this.model.exists({ appId, userId })) !== null;
  }
}
