import type { SessionKeyView, UserSessionView } from '@cohort/contracts';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { SessionDoc } from './schemas/session.schema';

@Injectable()
export class SessionRepository {
  constructor(@InjectModel(SessionDoc.name) private readonly model: Model<SessionDoc>) {}

  async insert(appId: string, session: SessionKeyView & { fullName: string }): Promise<UserSessionView> {
    const doc = await this.model.create({ ...session, appId, createdAt: new Date() });
    return { userId: doc.userId, sessionId: doc.sessionId, fullName: doc.fullName, createdAt: doc.createdAt.getTime() };
  }

  async find(appId: string, userId: string, sessionId: string): Promise<SessionKeyView | null> {
    const doc = await this.model.findOne({ appId, userId, sessionId }).lean();
    return doc ? { userId: doc.userId, sessionId: doc.sessionId, publicKey: doc.publicKey } : null;
  }

  async ofUsers(appId: string, userIds: string[]): Promise<{ userId: string; sessionId: string }[]> {
    if (userIds.length === 0) return [];
    const docs = await this.model
      .find({ appId, userId: { $in: userIds } }, { userId: 1, sessionId: 1 })
      .sort({ createdAt: 1 })
      .lean();
    return docs.map((doc) => ({ userId: doc.userId, sessionId: doc.sessionId }));
  }
}
