import {
  type DomainEvent,
  type GroupKey,
  type GroupType,
  type MemberRole,
  type MemberSettings,
  type MemberView,
  MsgMuteMode,
  MsgPushMode,
} from '@cohort/contracts';
import {
  duplicateIndexes,
  findKeysetPage,
  type KeysetCursor,
  type KeysetOrder,
  type KeysetPage,
  nonDuplicateWriteErrors,
} from '@cohort/mongo';
import {
  HasOutbox,
  OutboxCollection,
  outboxHasRoom,
  outboxOnInsert,
  outboxOnUpdate,
  type OutboxOwner,
  type StoredEvents,
  type Written,
} from '@cohort/outbox';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { AnyBulkWriteOperation, Model } from 'mongoose';

import { RosterReadCache } from '../roster/roster-read-cache';
import { MemberDoc } from './schemas/member.schema';

const JOIN_ORDER: KeysetOrder = { timeField: 'joinedAt', idField: 'userId', direction: 1 };
/** Present members only: a leaving member is gone for every read and rule. */
const PRESENT = { leavingAt: { $exists: false } };

export interface StoredMember extends MemberView {
  groupId: string;
  groupType: GroupType;
}

export interface NewMember {
  userId: string;
  role: MemberRole;
  event: DomainEvent;
}

export interface RoleChange {
  userId: string;
  from: MemberRole;
  to: MemberRole;
  event: DomainEvent;
}

function toMember(doc: MemberDoc): StoredMember {
  return {
    groupId: doc.groupId,
    groupType: doc.groupType,
    userId: doc.userId,
    role: doc.role,
    displayName: doc.displayName,
    joinedAt: doc.joinedAt.getTime(),
    msgMuteMode: doc.msgMuteMode,
    msgPushMode: doc.msgPushMode,
    notificationsMutedUntil: doc.notificationsMutedUntil ?? 0,
  };
}

export function memberViewOf({ groupId: _groupId, groupType: _groupType, ...view }: StoredMember): MemberView {
  return view;
}

const eventsOf = (key: GroupKey, changes: { userId: string; event: DomainEvent }[]): StoredEvents[] =>
  changes.map(({ userId, event }) => ({ filter: { ...key, userId }, events: [event] }));

const present = (doc: MemberDoc | null): doc is MemberDoc => doc !== null && !doc.leavingAt;

/** An equality for one value: an exact unique-key lookup, also on the dev database. */
function exactOrIn(values: string[]): string | { $in: string[] } {
  return values.length === 1 ? values[0] : { $in: values };
}

@Injectable()
@HasOutbox()
export class MemberRepository implements OutboxOwner {
  readonly outbox: OutboxCollection;

  constructor(
    @InjectModel(MemberDoc.name) private readonly members: Model<MemberDoc>,
    private readonly cache: RosterReadCache,
  ) {
    this.outbox = OutboxCollection.of(members);
  }

  /**
   * Inserts members, each with its join event, in one command. Answers the user ids that were
   * already there (duplicates: a retried step, or a concurrent join of the same user). Only the
   * inserted members' events count as stored, unless `retried`: a step retried under the same
   * event ids (the roster's initialization), whose first run stored the duplicates' events under
   * those ids, sends them again rather than leave them to the sweep (the stream keeps one copy).
   */
  async insert(
    key: GroupKey,
    groupType: GroupType,
    members: NewMember[],
    joinedAt: Date,
    { retried = false } = {},
  ): Promise<Written<Set<string>>> {
    const duplicates = await this.insertMany(key, groupType, members, joinedAt);
    const stored = retried ? members : members.filter((m) => !duplicates.has(m.userId));
    return this.outbox.written(duplicates, eventsOf(key, stored));
  }

  private async insertMany(
    key: GroupKey,
    groupType: GroupType,
    members: NewMember[],
    joinedAt: Date,
  ): Promise<Set<string>> {
    return this.cache.writing(
      key,
      members.map((m) => m.userId),
      async () => {
        if (members.length === 0) return new Set();
        const docs = members.map((m, index) => ({
          ...key,
          groupType,
          userId: m.userId,
          role: m.role,
          displayName: '',
          // Distinct join times keep keyset order stable and the owner first.
          joinedAt: new Date(joinedAt.getTime() + index),
          msgMuteMode: MsgMuteMode.None,
          msgPushMode: MsgPushMode.All,
          notificationsMutedUntil: 0,
          ...outboxOnInsert([m.event]),
        }));
        try {
          await this.members.insertMany(docs, { ordered: false });
          return new Set();
        } catch (error) {
          if (nonDuplicateWriteErrors(error).length > 0) throw error;
          return new Set(duplicateIndexes(error).map((index) => members[index].userId));
        }
      },
    );
  }

  async count(key: GroupKey): Promise<number> {
    return this.members.countDocuments({ ...key, ...PRESENT });
  }

  async findMany(key: GroupKey, userIds: string[]): Promise<Map<string, StoredMember>> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return new Map();
    const docs = await this.members.find({ ...key, userId: exactOrIn(unique) }).lean();
    return new Map(docs.filter(present).map((d) => [d.userId, toMember(d)]));
  }
  findManyCached(key: GroupKey, userIds: string[]): Promise<Map<string, StoredMember>> {
    return this.cache.members(key, userIds, (missing) => this.findMany(key, missing));
  }

  async findUserIn(appId: string, groupIds: string[], userId: string): Promise<Map<string, StoredMember>> {
    const docs = await this.members.find({ appId, groupId: exactOrIn(groupIds), userId }).lean();
    return new Map(docs.filter(present).map((d) => [d.groupId, toMember(d)]));
  }

  async page(key: GroupKey, limit: number, after?: KeysetCursor): Promise<KeysetPage<StoredMember>> {
    return findKeysetPage(
      this.members,
      { filter: { ...key, ...PRESENT }, order: JOIN_ORDER, limit, after },
      toMember,
      (m) => ({ at: m.joinedAt, id: m.userId }),
    );
  }

  /** For dialects that only page by number: a skip over the join-order index. */
  async pageByNumber(key: GroupKey, pageNumber: number, pageSize: number): Promise<StoredMember[]> {
    const docs = await this.members
      .find({ ...key, ...PRESENT })
      .sort({ joinedAt: 1, userId: 1 })
      .skip((pageNumber - 1) * pageSize)
      .limit(pageSize)
      .lean();
    return docs.map(toMember);
  }

  async findByRoles(key: GroupKey, roles: MemberRole[]): Promise<StoredMember[]> {
    const docs = await this.members
      .find({ ...key, ...PRESENT, role: { $in: roles } })
      .sort({ joinedAt: 1, userId: 1 })
      .lean();
    return docs.map(toMember);
  }

  async joinedBy(
    appId: string,
    userId: string,
    type: GroupType | undefined,
    skip: number,
    limit: number,
  ): Promise<{ items: StoredMember[]; total: number }> {
    const filter = { appId, userId, ...PRESENT, ...(type ? { groupType: type } : {}) };
    const [docs, total] = await Promise.all([
      this.members.find(filter).sort({ joinedAt: -1, groupId: 1 }).skip(skip).limit(limit).lean(),
      this.members.countDocuments(filter),
    ]);
    return { items: docs.map(toMember), total };
  }

  /**
   * Refused while the member's outbox is full: settings may change without end, and the document
   * must not grow while events cannot be sent.
   */
  async updateOwn(
    key: GroupKey,
    userId: string,
    settings: Partial<MemberSettings>,
    event: DomainEvent,
  ): Promise<Written<StoredMember | null>> {
    return this.cache.writing(key, [userId], async () => {
      const doc = await this.members
        .findOneAndUpdate(
          { ...key, userId, ...PRESENT, ...outboxHasRoom() },
          { $set: settings, ...outboxOnUpdate([event]) },
          { new: true },
        )
        .lean();
      if (!doc) await this.outbox.assertHasRoom({ ...key, userId });
      return this.outbox.writtenIf(doc !== null, doc && toMember(doc), { ...key, userId }, [event]);
    });
  }

  /** Each only if the member still has the role the decision was made on. */
  async changeRoles(key: GroupKey, changes: RoleChange[]): Promise<Written<Set<string>>> {
    return this.cache.writing(
      key,
      changes.map((c) => c.userId),
      async () => {
        if (changes.length === 0) return this.outbox.written(new Set<string>(), []);
        const ops: AnyBulkWriteOperation<MemberDoc>[] = changes.map((c) => ({
          updateOne: {
            filter: { ...key, userId: c.userId, role: c.from, ...PRESENT },
            update: { $set: { role: c.to }, ...outboxOnUpdate([c.event]) },
          },
        }));
        await this.members.bulkWrite(ops, { ordered: false });
        const changed = await this.holdingEvents(
          key,
          changes.map((c) => c.event),
        );
        return this.outbox.written(
          changed,
          eventsOf(
            key,
            changes.filter((c) => changed.has(c.userId)),
          ),
        );
      },
    );
  }

  /** Without an event: the repair of an interrupted ownership transfer. */
  async setRole(key: GroupKey, userId: string, role: MemberRole, unless: MemberRole[]): Promise<void> {
    return this.cache.writing(key, [userId], async () => {
      await this.members.updateOne({ ...key, userId, ...PRESENT, role: { $nin: unless } }, { $set: { role } });
    });
  }

  /** Each only if still present with the role the decision was made on. */
  async markLeaving(
    key: GroupKey,
    leavers: { userId: string; role: MemberRole; event: DomainEvent }[],
    token: string,
  ): Promise<Written<Set<string>>> {
    return this.cache.writing(
      key,
      leavers.map((l) => l.userId),
      async () => {
        if (leavers.length === 0) return this.outbox.written(new Set<string>(), []);
        const leavingAt = new Date();
        const ops: AnyBulkWriteOperation<MemberDoc>[] = leavers.map((l) => ({
          updateOne: {
            filter: { ...key, userId: l.userId, role: l.role, ...PRESENT },
            update: { $set: { leavingAt, leavingToken: token }, ...outboxOnUpdate([l.event]) },
          },
        }));
        await this.members.bulkWrite(ops, { ordered: false });
        const marked = await this.members
          .find({ ...key, userId: { $in: leavers.map((l) => l.userId) }, leavingToken: token }, { userId: 1 })
          .lean();
        const markedIds = new Set(marked.map((d) => d.userId));
        return this.outbox.written(
          markedIds,
          eventsOf(
            key,
            leavers.filter((l) => markedIds.has(l.userId)),
          ),
        );
      },
    );
  }

  async deleteLeft(key: GroupKey, userIds: string[], token: string): Promise<{ deleted: number; admins: number }> {
    return this.cache.writing(key, userIds, async () => {
      if (userIds.length === 0) return { deleted: 0, admins: 0 };
      const filter = { ...key, userId: { $in: userIds }, leavingToken: token, outbox: { $size: 0 } };
      const admins = await this.members.countDocuments({ ...filter, role: 'admin' });
      const result = await this.members.deleteMany(filter);
      return { deleted: result.deletedCount, admins: Math.min(admins, result.deletedCount) };
    });
  }

  async findStaleLeaving(
    olderThan: Date,
    limit: number,
  ): Promise<{ appId: string; groupId: string; userId: string; token: string }[]> {
    const docs = await this.members
      .find(
        { leavingAt: { $lt: olderThan }, outbox: { $size: 0 } },
        { appId: 1, groupId: 1, userId: 1, leavingToken: 1 },
      )
      .limit(limit)
      .lean();
    return docs.map((d) => ({ appId: d.appId, groupId: d.groupId, userId: d.userId, token: d.leavingToken ?? '' }));
  }

  async purge(key: GroupKey): Promise<void> {
    return this.cache.writing(key, null, async () => {
      await this.members.deleteMany(key);
    });
  }

  /** Who still holds one of these events (written by this request, not flushed yet). */
  private async holdingEvents(key: GroupKey, events: DomainEvent[]): Promise<Set<string>> {
    const docs = await this.members
      .find({ ...key, 'outbox.eventId': { $in: events.map((e) => e.eventId) } }, { userId: 1 })
      .lean();
    return new Set(docs.map((d) => d.userId));
  }
}
