import type { Stack } from '@cohort/testing';
import { type Db, MongoClient } from 'mongodb';

import { APP_ID } from './group-e2e.helpers';

/** The `{appId, groupId}` filter the services store a group's documents under. */
export const groupKey = (groupId: number | string) => ({ appId: APP_ID, groupId: String(groupId) });

/** Direct access to the services' databases of a stack. */
export class StackDb {
  private constructor(
    private readonly client: MongoClient,
    readonly groupsDb: Db,
    readonly membershipDb: Db,
    readonly moderationDb: Db,
    readonly roomMetadataDb: Db,
    readonly contentDb: Db,
  ) {}

  static async connect(stack: Stack): Promise<StackDb> {
    const client = new MongoClient(stack.mongoUrl);
    await client.connect();
    const db = (name: keyof Stack['dbNames']) => client.db(stack.dbNames[name]);
    return new StackDb(client, db('groups'), db('membership'), db('moderation'), db('room-metadata'), db('content'));
  }

  get groups() {
    return this.groupsDb.collection('groups');
  }
  get rosters() {
    return this.membershipDb.collection('rosters');
  }
  get members() {
    return this.membershipDb.collection('members');
  }
  get joinRequests() {
    return this.membershipDb.collection('join_requests');
  }
  get invitations() {
    return this.membershipDb.collection('invitations');
  }
  /** One document per chatroom holding all its custom attributes. */
  get rooms() {
    return this.roomMetadataDb.collection('rooms');
  }
  get announcements() {
    return this.contentDb.collection('announcements');
  }
  get files() {
    return this.contentDb.collection('files');
  }

  /** How many documents each of groups / rosters / members holds (for "nothing written"). */
  async counts(): Promise<{ groups: number; rosters: number; members: number }> {
    const [groups, rosters, members] = await Promise.all([
      this.groups.countDocuments({}),
      this.rosters.countDocuments({}),
      this.members.countDocuments({}),
    ]);
    return { groups, rosters, members };
  }

  /** The group's document in the groups service's database (null when there is none). */
  storedGroup(groupId: number | string) {
    return this.groups.findOne(groupKey(groupId));
  }

  /** userId → role of the group's members. */
  async roles(groupId: number | string): Promise<Record<string, string>> {
    const docs = await this.members.find(groupKey(groupId)).toArray();
    return Object.fromEntries(docs.map((d) => [String(d.userId), String(d.role)]));
  }

  /** One member's document (null when not a member). */
  member(groupId: number | string, userId: string) {
    return this.members.findOne({ ...groupKey(groupId), userId });
  }

  /** A user's standing in the group as moderation stores it: mute, block, allow and role facts (null when none). */
  standing(groupId: number | string, userId: string) {
    return this.moderationDb.collection('standings').findOne({ ...groupKey(groupId), userId });
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
