import { type DomainEvent, type GroupKey, JoinRequestStatus, type JoinRequestView } from '@cohort/contracts';
import {
  findKeysetPage,
  isDuplicateKeyError,
  type KeysetCursor,
  type KeysetOrder,
  type KeysetPage,
} from '@cohort/mongo';
import { HasOutbox, OutboxCollection, outboxOnUpdate, type OutboxOwner, type Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { JoinRequestDoc } from './schemas/join-request.schema';
import { stillListed } from './still-listed';

const LIST_ORDER: KeysetOrder = { timeField: 'createdAt', idField: 'listKey', direction: 1 };

function toView(doc: JoinRequestDoc): JoinRequestView {
  return {
    groupId: doc.groupId,
    applicantId: doc.applicantId,
    reason: doc.reason,
    status: doc.status,
    createdAt: doc.createdAt.getTime(),
    expiresAt: doc.expiresAt.getTime(),
  };
}

@Injectable()
@HasOutbox()
export class JoinRequestRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  constructor(@InjectModel(JoinRequestDoc.name) private readonly requests: Model<JoinRequestDoc>) {
    this.outbox = OutboxCollection.of(requests);
  }

  async upsertPending(
    key: GroupKey,
    applicantId: string,
    reason: string,
    expiresAt: Date,
    event: DomainEvent,
  ): Promise<Written<JoinRequestView>> {
    const write = () =>
      this.requests
        .findOneAndUpdate(
          { ...key, applicantId },
          {
            $set: {
              reason,
              status: JoinRequestStatus.Pending,
              createdAt: new Date(),
              expiresAt,
              handledBy: null,
              listKey: `${key.groupId}:${applicantId}`,
            },
            $unset: { handledAt: 1 },
            ...outboxOnUpdate([event]),
          },
          { upsert: true, new: true },
        )
        .lean()
        .orFail();
    const written = (doc: JoinRequestDoc) => this.outbox.writtenIf(true, toView(doc), { ...key, applicantId }, [event]);
    try {
      return written(await write());
    } catch (error) {
      // Two concurrent first requests: the loser renews the winner's document.
      if (!isDuplicateKeyError(error)) throw error;
      return written(await write());
    }
  }

  /** The one atomic step that makes handling a request happen once. */
  async claim(
    key: GroupKey,
    applicantId: string,
    status: JoinRequestStatus,
    handledBy: string | null,
    event: DomainEvent,
  ): Promise<Written<JoinRequestView | null>> {
    const now = new Date();
    const doc = await this.requests
      .findOneAndUpdate(
        { ...key, applicantId, status: JoinRequestStatus.Pending, expiresAt: { $gt: now } },
        { $set: { status, handledBy, handledAt: now }, ...outboxOnUpdate([event]) },
        { new: true },
      )
      .lean();
    return this.outbox.writtenIf(doc !== null, doc && toView(doc), { ...key, applicantId }, [event]);
  }

  async unclaim(key: GroupKey, applicantId: string, eventId: string): Promise<void> {
    await this.requests.updateOne(
      { ...key, applicantId, status: JoinRequestStatus.Approved },
      {
        $set: { status: JoinRequestStatus.Pending, handledBy: null },
        $unset: { handledAt: 1 },
        $pull: { outbox: { eventId } },
      },
    );
  }

  async page(
    appId: string,
    groupIds: string[],
    limit: number,
    after?: KeysetCursor,
  ): Promise<KeysetPage<JoinRequestView>> {
    const filter = { appId, groupId: { $in: groupIds }, ...stillListed() };
    return findKeysetPage(this.requests, { filter, order: LIST_ORDER, limit, after }, toView, (r) => ({
      at: r.createdAt,
      id: `${r.groupId}:${r.applicantId}`,
    }));
  }

  async count(appId: string, groupIds: string[]): Promise<number> {
    return this.requests.countDocuments({ appId, groupId: { $in: groupIds }, ...stillListed() });
  }

  async purge(key: GroupKey): Promise<void> {
    await this.requests.deleteMany(key);
  }
}
