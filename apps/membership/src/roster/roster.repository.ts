import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { DomainEvent, GroupKey, MemberRole, MemberView } from '@cohort/contracts';
import { nonDuplicateWriteErrors } from '@cohort/mongo';
import { HasOutbox, OutboxCollection, outboxOnInsert, type OutboxOwner } from '@cohort/outbox';
import { MemberDoc } from './schemas/member.schema';
import { RosterDoc } from './schemas/roster.schema';

export interface RosterState {
  memberCount: number;
  capacity: number;
}

function toMemberView(doc: MemberDoc): MemberView {
  return {
    userId: doc.userId,
    role: doc.role,
    displayName: doc.displayName,
    joinedAt: doc.joinedAt.getTime(),
    msgMuteMode: doc.msgMuteMode,
    msgPushMode: doc.msgPushMode,
  };
}

/** The only code touching rosters and members. Every call is scoped by app and group. */
@Injectable()
@HasOutbox()
export class RosterRepository implements OutboxOwner {
  /** Member documents carry the events of their own changes. */
  readonly outbox: OutboxCollection;

  constructor(
    @InjectModel(RosterDoc.name) private readonly rosters: Model<RosterDoc>,
    @InjectModel(MemberDoc.name) private readonly members: Model<MemberDoc>,
  ) {
    this.outbox = OutboxCollection.of(members);
  }

  /** Creates the roster if absent; returns the stored one either way (idempotent). */
  async ensureRoster(key: GroupKey, ownerId: string, capacity: number): Promise<RosterState> {
    const doc = await this.rosters
      .findOneAndUpdate(
        key,
        { $setOnInsert: { ...key, ownerId, capacity, memberCount: 0, createdAt: new Date() } },
        { upsert: true, new: true },
      )
      .lean();
    return { memberCount: doc.memberCount, capacity: doc.capacity };
  }

  /** Inserts members, each with its join event, skipping those already there (a retried step). */
  async insertMembers(
    key: GroupKey,
    members: { userId: string; role: MemberRole; event: DomainEvent }[],
    joinedAt: Date,
  ): Promise<void> {
    if (members.length === 0) return;
    const docs = members.map((m, index) => ({
      ...key,
      userId: m.userId,
      role: m.role,
      displayName: '',
      // Distinct join times keep keyset order stable and the owner first.
      joinedAt: new Date(joinedAt.getTime() + index),
      msgMuteMode: 0,
      msgPushMode: 0,
      ...outboxOnInsert([m.event]),
    }));
    try {
      await this.members.insertMany(docs, { ordered: false });
    } catch (error) {
      if (nonDuplicateWriteErrors(error).length > 0) throw error;
    }
  }

  /** Exact count, used only while a roster is being initialized (nobody else can join yet). */
  async recount(key: GroupKey): Promise<number> {
    const memberCount = await this.members.countDocuments(key);
    await this.rosters.updateOne(key, { $set: { memberCount } });
    return memberCount;
  }

  async purge(key: GroupKey): Promise<void> {
    await this.members.deleteMany(key);
    await this.rosters.deleteOne(key);
  }

  async findRosters(appId: string, groupIds: string[]): Promise<Map<string, RosterState>> {
    const docs = await this.rosters.find({ appId, groupId: { $in: groupIds } }).lean();
    return new Map(docs.map((d) => [d.groupId, { memberCount: d.memberCount, capacity: d.capacity }]));
  }

  async findMemberships(appId: string, groupIds: string[], userId: string): Promise<Map<string, MemberView>> {
    const docs = await this.members.find({ appId, groupId: { $in: groupIds }, userId }).lean();
    return new Map(docs.map((d) => [d.groupId, toMemberView(d)]));
  }
}
