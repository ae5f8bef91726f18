import { isDuplicateKeyError } from '@cohort/mongo';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { SuperAdminDoc } from './schemas/super-admin.schema';

@Injectable()
export class SuperAdminRepository {
  constructor(@InjectModel(SuperAdminDoc.name) private readonly model: Model<SuperAdminDoc>) {}

  async isSuperAdmin(appId: string, userId: string): Promise<boolean> {
    return (await this.model.exists({ appId, userId })) !== null;
  }

  async add(appId: string, userId: string): Promise<boolean> {
    try {
      await this.model.create({ appId, userId, createdAt: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  async remove(appId: string, userId: string): Promise<boolean> {
    return (await this.model.deleteOne({ appId, userId })).deletedCount === 1;
  }

  async page(appId: string, skip: number, limit: number): Promise<{ userIds: string[]; total: number }> {
    const [docs, total] = await Promise.all([
      this.model.find({ appId }, { userId: 1 }).sort({ createdAt: 1, userId: 1 }).skip(skip).limit(limit).lean(),
      this.model.countDocuments({ appId }),
    ]);
    return { userIds: docs.map((d) => d.userId), total };
  }
}
