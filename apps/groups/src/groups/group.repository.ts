import {
  type DomainEvent,
  type GroupKey,
  type GroupSettings,
  GroupStatus,
  type GroupType,
  type GroupView,
} from '@cohort/contracts';
import { findKeysetPage, type KeysetCursor, type KeysetOrder, type KeysetPage } from '@cohort/mongo';
import {
  HasOutbox,
  OutboxCollection,
  outboxHasRoom,
  outboxOnUpdate,
  type OutboxOwner,
  type Written,
} from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';

import { GroupDoc } from './schemas/group.schema';

export type NewGroup = Omit<GroupView, 'status' | 'createdAt' | 'updatedAt' | 'muteAllUntil'>;
export type ProfileFields = Partial<Pick<GroupView, 'name' | 'description' | 'avatar' | 'ext'>>;

function toView(doc: GroupDoc): GroupView {
  return {
    groupId: doc.groupId,
    type: doc.type,
    name: doc.name,
    description: doc.description,
    avatar: doc.avatar,
    ext: doc.ext,
    ownerId: doc.ownerId,
    creatorId: doc.creatorId ?? doc.ownerId,
    capacity: doc.capacity,
    public: doc.public,
    status: doc.status,
    settings: {
      applyApproval: doc.settings.applyApproval,
      memberInvite: doc.settings.memberInvite,
      memberModify: doc.settings.memberModify,
      readAck: doc.settings.readAck,
      historyVisible: doc.settings.historyVisible,
      disappearSeconds: doc.settings.disappearSeconds,
    },
    muteAllUntil: doc.muteAllUntil ?? null,
    createdAt: doc.createdAt.getTime(),
    updatedAt: doc.updatedAt.getTime(),
  };
}

/** Chatrooms list oldest first: rooms created during a walk come after its position. */
const CREATION_ORDER: KeysetOrder = { timeField: 'createdAt', idField: 'groupId', direction: 1 };
const ACTIVE_CHATROOMS = { type: 'chatroom', status: 'active' };
const NEWEST_FIRST: KeysetOrder = { timeField: 'createdAt', idField: 'groupId', direction: -1 };

export interface GroupSearch {
  groupId?: string;
  name?: string;
  ownerId?: string;
  type?: GroupType;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

@Injectable()
@HasOutbox()
export class GroupRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  constructor(@InjectModel(GroupDoc.name) private readonly model: Model<GroupDoc>) {
    this.outbox = OutboxCollection.of(model);
  }

  async insertPending(appId: string, group: NewGroup): Promise<GroupView> {
    const now = new Date();
    const doc = await this.model.create({
      ...group,
      appId,
      status: 'pending',
      muteAllUntil: null,
      createdAt: now,
      updatedAt: now,
    });
    return toView(doc.toObject());
  }

  async activate(key: GroupKey, event: DomainEvent): Promise<Written<GroupView | null>> {
    const doc = await this.model
      .findOneAndUpdate(
        { ...key, status: 'pending' },
        { $set: { status: 'active' }, ...outboxOnUpdate([event]) },
        { new: true },
      )
      .lean();
    return this.outbox.writtenIf(doc !== null, doc && toView(doc), key, [event]);
  }

  async deletePending(key: GroupKey): Promise<void> {
    await this.model.deleteOne({ ...key, status: 'pending' });
  }

  /** From then on `activate` fails, so a rollback never purges the roster of a group that became active. */
  async abandon(key: GroupKey): Promise<boolean> {
    const claimed = await this.model.updateOne(
      { ...key, status: { $in: ['pending', 'abandoned'] } },
      { $set: { status: 'abandoned', updatedAt: new Date() } },
    );
    return claimed.matchedCount > 0;
  }

  async deleteAbandoned(key: GroupKey): Promise<void> {
    await this.model.deleteOne({ ...key, status: 'abandoned' });
  }

  /** The group whatever its status (pending, active, destroyed): what a creation that reuses its id collides with. */
  async find(key: GroupKey): Promise<GroupView | null> {
    const doc = await this.model.findOne(key).lean();
    return doc ? toView(doc) : null;
  }

  async findActive(key: GroupKey): Promise<GroupView | null> {
    const doc = await this.model.findOne({ ...key, status: 'active' }).lean();
    return doc ? toView(doc) : null;
  }

  async findActiveMany(appId: string, groupIds: string[]): Promise<GroupView[]> {
    const docs = await this.model.find({ appId, groupId: { $in: groupIds }, status: 'active' }).lean();
    return docs.map(toView);
  }

  async updateProfile(key: GroupKey, fields: ProfileFields, event: DomainEvent): Promise<Written<GroupView | null>> {
    return this.updateActive(key, { ...fields }, event);
  }

  async updateSettings(
    key: GroupKey,
    changed: Partial<GroupSettings>,
    event: DomainEvent,
  ): Promise<Written<GroupView | null>> {
    const set: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(changed)) set[`settings.${field}`] = value;
    return this.updateActive(key, set, event);
  }

  async setCapacity(key: GroupKey, capacity: number, event: DomainEvent): Promise<Written<GroupView | null>> {
    return this.updateActive(key, { capacity }, event);
  }

  async chatroomPage(appId: string, limit: number, after?: KeysetCursor): Promise<KeysetPage<GroupView>> {
    return findKeysetPage(
      this.model,
      { filter: { appId, ...ACTIVE_CHATROOMS }, order: CREATION_ORDER, limit, after },
      toView,
      (g) => ({ at: g.createdAt, id: g.groupId }),
    );
  }

  async searchPage(
    appId: string,
    search: GroupSearch,
    limit: number,
    after?: KeysetCursor,
  ): Promise<KeysetPage<GroupView>> {
    const filter: FilterQuery<GroupDoc> = { appId, status: 'active' };
    if (search.groupId) filter.groupId = search.groupId;
    if (search.ownerId) filter.ownerId = search.ownerId;
    if (search.type) filter.type = search.type;
    if (search.name) filter.name = { $regex: escapeRegExp(search.name), $options: 'i' };
    return findKeysetPage(this.model, { filter, order: NEWEST_FIRST, limit, after }, toView, (g) => ({
      at: g.createdAt,
      id: g.groupId,
    }));
  }

  async countActive(appId: string, type: GroupType): Promise<number> {
    return this.model.countDocuments({ appId, type, status: 'active' });
  }

  async countChatrooms(appId: string): Promise<number> {
    return this.model.countDocuments({ appId, ...ACTIVE_CHATROOMS });
  }

  async publicPage(
    appId: string,
    limit: number,
    after?: KeysetCursor,
  ): Promise<KeysetPage<{ groupId: string; createdAt: number }>> {
    const filter = { appId, status: 'active', $or: [{ type: 'chatroom' }, { public: true }] };
    return findKeysetPage(
      this.model,
      { filter, order: NEWEST_FIRST, limit, after },
      (d) => ({ groupId: d.groupId, createdAt: d.createdAt.getTime() }),
      (g) => ({ at: g.createdAt, id: g.groupId }),
    );
  }

  async setMuteAll(key: GroupKey, until: number | null, event: DomainEvent): Promise<Written<GroupView | null>> {
    return this.updateActive(key, { muteAllUntil: until }, event);
  }

  /** No event: membership published the transfer. */
  async setOwner(key: GroupKey, fromOwnerId: string, toOwnerId: string): Promise<void> {
    await this.model.updateOne(
      { ...key, ownerId: fromOwnerId },
      { $set: { ownerId: toOwnerId, updatedAt: new Date() } },
    );
  }

  /** Active → destroyed, once: a second destroy finds nothing and answers "not found". */
  async markDestroyed(key: GroupKey, event: DomainEvent): Promise<Written<GroupView | null>> {
    return this.updateActive(key, { status: GroupStatus.Destroyed }, event);
  }

  async findStale(olderThan: Date, limit: number): Promise<(GroupView & { appId: string })[]> {
    const docs = await this.model
      .find({
        $or: [
          { status: 'pending', createdAt: { $lt: olderThan } },
          { status: 'abandoned', updatedAt: { $lt: olderThan } },
        ],
      })
      .limit(limit)
      .lean();
    return docs.map((doc) => ({ ...toView(doc), appId: doc.appId }));
  }

  private async updateActive(
    key: GroupKey,
    set: Record<string, unknown>,
    event: DomainEvent,
  ): Promise<Written<GroupView | null>> {
    const doc = await this.model
      .findOneAndUpdate(
        { ...key, status: 'active', ...outboxHasRoom() },
        { $set: { ...set, updatedAt: new Date() }, ...outboxOnUpdate([event]) },
        { new: true },
      )
      .lean();
    if (!doc) await this.outbox.assertHasRoom(key);
    return this.outbox.writtenIf(doc !== null, doc && toView(doc), key, [event]);
  }
}
