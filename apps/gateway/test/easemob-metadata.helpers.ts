// Chatroom custom attributes as Easemob's server SDK calls them (its bodies, extra fields
// included), for the metadata e2e suites.
import type { HttpResult } from './group-e2e.helpers';
import { createEasemobChatroom, expectEasemobOk, type EasemobClient } from './easemob-e2e.helpers';
import { groupKey, type StackDb } from './stack-db';

export type AutoDelete = 'DELETE' | 'NO_DELETE';

/** `{successKeys, errorKeys}` of a set or remove. */
export interface MetadataOutcome {
  successKeys: string[];
  errorKeys: Record<string, string>;
}

export class MetadataCalls {
  constructor(
    private readonly easemob: EasemobClient,
    private readonly db: StackDb,
  ) {}

  /** A chatroom of `owner` with `members` (POST /chatrooms); `admins` among them made admins. */
  async newRoom(owner: string, members: string[], admins: string[] = []): Promise<string> {
    const id = await createEasemobChatroom(this.easemob, { owner, members });
    for (const newadmin of admins) expectEasemobOk(await this.easemob.post(`/chatrooms/${id}/admin`, { body: { newadmin } }));
    return id;
  }

  /** PUT .../user/{username}[/forced] with the SDK's body. */
  set(room: string, username: string, metaData: unknown, options: { autoDelete?: AutoDelete; forced?: boolean } = {}): Promise<HttpResult> {
    const body = { metaData, autoDelete: options.autoDelete ?? 'DELETE' };
    return this.easemob.put(`/metadata/chatroom/${room}/user/${username}${options.forced ? '/forced' : ''}`, { body });
  }

  /** DELETE .../user/{username}[/forced]: the SDK adds `autoDelete` to the keys. */
  remove(room: string, username: string, keys: unknown, forced = false): Promise<HttpResult> {
    return this.easemob.delete(`/metadata/chatroom/${room}/user/${username}${forced ? '/forced' : ''}`, { body: { keys, autoDelete: 'DELETE' } });
  }

  /** POST /metadata/chatroom/{id}: `keys` as the SDK sends them, or no body at all (all of them). */
  read(room: string, keys?: unknown): Promise<HttpResult> {
    return this.easemob.post(`/metadata/chatroom/${room}`, keys === undefined ? {} : { body: { keys, autoDelete: 'DELETE' } });
  }

  /** Sets and expects a 200: the outcome. */
  async setOk(room: string, username: string, metaData: Record<string, string>, options?: { autoDelete?: AutoDelete; forced?: boolean }): Promise<MetadataOutcome> {
    return expectEasemobOk(await this.set(room, username, metaData, options)) as MetadataOutcome;
  }

  async removeOk(room: string, username: string, keys: string[], forced = false): Promise<MetadataOutcome> {
    return expectEasemobOk(await this.remove(room, username, keys, forced)) as MetadataOutcome;
  }

  /** All of the room's attributes, `{key: value}`. */
  async values(room: string, keys?: string[]): Promise<Record<string, string>> {
    return expectEasemobOk(await this.read(room, keys)) as Record<string, string>;
  }

  /** key → owner of the room's stored attributes. */
  async owners(room: string): Promise<Record<string, string>> {
    const doc = await this.stored(room);
    return Object.fromEntries(((doc?.attributes ?? []) as { key: string; ownerId: string }[]).map((a) => [a.key, a.ownerId]));
  }

  /** The room's document in the room-metadata database (null: nothing was ever set). */
  stored(room: string) {
    return this.db.rooms.findOne(groupKey(room));
  }
}
