import { type DomainEvent, type GroupKey, InvitationStatus, type InvitationView } from '@cohort/contracts';
import { findKeysetPage, type KeysetCursor, type KeysetOrder, type KeysetPage } from '@cohort/mongo';
import { HasOutbox, OutboxCollection, outboxOnUpdate, type OutboxOwner, type Written } from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

import { InvitationDoc } from './schemas/invitation.schema';
import { stillListed } from './still-listed';

const LIST_ORDER: KeysetOrder = { timeField: 'createdAt', idField: 'listKey', direction: 1 };

function toView(doc: InvitationDoc): InvitationView {
  return {
    groupId: doc.groupId,
    inviteeId: doc.inviteeId,
    inviterId: doc.inviterId,
    reason: doc.reason,
    status: doc.status,
    createdAt: doc.createdAt.getTime(),
    updatedAt: doc.updatedAt.getTime(),
    expiresAt: doc.expiresAt.getTime(),
  };
}

@Injectable()
@HasOutbox()
export class InvitationRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  constructor(@InjectModel(InvitationDoc.name) private readonly invitations: Model<InvitationDoc>) {
    this.outbox = OutboxCollection.of(invitations);
  }

  async upsertPending(
    key: GroupKey,
    inviterId: string,
    invites: { inviteeId: string; event: DomainEvent }[],
    reason: string,
    expiresAt: Date,
  ): Promise<Written<void>> {
    const now = new Date();
    const ops: AnyBulkWriteOperation<InvitationDoc>[] = invites.map(({ inviteeId, event }) => ({
      updateOne: {
        filter: { ...key, inviteeId, inviterId },
        update: {
          $set: {
            reason,
            status: InvitationStatus.Pending,
            createdAt: now,
            updatedAt: now,
            expiresAt,
            listKey: `${key.groupId}:${inviteeId}:${inviterId}`,
          },
          ...outboxOnUpdate([event]),
        },
        upsert: true,
      },
    }));
    if (ops.length > 0) await this.invitations.bulkWrite(ops, { ordered: false });
    return this.outbox.written(
      undefined,
      invites.map(({ inviteeId, event }) => ({ filter: { ...key, inviteeId, inviterId }, events: [event] })),
    );
  }

  async findPending(key: GroupKey, inviteeId: string, inviterId?: string): Promise<InvitationView[]> {
    const docs = await this.invitations
      .find({
        ...key,
        inviteeId,
        ...(inviterId ? { inviterId } : {}),
        status: InvitationStatus.Pending,
        expiresAt: { $gt: new Date() },
      })
      .lean();
    return docs.map(toView);
  }

  /** The atomic step that makes answering happen once. */
  async claim(
    key: GroupKey,
    inviteeId: string,
    inviterId: string,
    status: InvitationStatus,
    event: DomainEvent,
  ): Promise<Written<boolean>> {
    const now = new Date();
    const result = await this.invitations.updateOne(
      { ...key, inviteeId, inviterId, status: InvitationStatus.Pending, expiresAt: { $gt: now } },
      { $set: { status, updatedAt: now }, ...outboxOnUpdate([event]) },
    );
    const claimed = result.modifiedCount === 1;
    return this.outbox.writtenIf(claimed, claimed, { ...key, inviteeId, inviterId }, [event]);
  }

  async unclaim(key: GroupKey, inviteeId: string, inviterId: string, eventId: string): Promise<void> {
    await this.invitations.updateOne(
      { ...key, inviteeId, inviterId, status: InvitationStatus.Accepted },
      { $set: { status: InvitationStatus.Pending }, $pull: { outbox: { eventId } } },
    );
  }

  async page(
    appId: string,
    scope: { groupId: string } | { inviteeId: string },
    limit: number,
    after?: KeysetCursor,
  ): Promise<KeysetPage<InvitationView>> {
    const filter = { appId, ...scope, ...stillListed() };
    return findKeysetPage(this.invitations, { filter, order: LIST_ORDER, limit, after }, toView, (i) => ({
      at: i.createdAt,
      id: `${i.groupId}:${i.inviteeId}:${i.inviterId}`,
    }));
  }

  async count(appId: string, scope: { groupId: string } | { inviteeId: string }): Promise<number> {
    return this.invitations.countDocuments({ appId, ...scope, ...stillListed() });
  }

  async purge(key: GroupKey): Promise<void> {
    await this.invitations.deleteMany(key);
  }
}
