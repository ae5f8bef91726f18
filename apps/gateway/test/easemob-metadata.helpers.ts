// Chatroom custom attributes as Easemob's server SDK calls them (its bodies, extra fields
// included), for the metadata e2e suites.
import { EventTap } from '@cohort/testing';

import { createEasemobChatroom, EasemobClient, expectEasemobOk } from './easemob-e2e.helpers';
import type { HttpResult } from './group-e2e.helpers';
import { type GroupStack, useGroupStack } from './group-stack.fixture';
import { groupKey, type StackDb } from './stack-db';

export type AutoDelete = 'DELETE' | 'NO_DELETE';

/** `{successKeys, errorKeys}` of a set or remove. */
export interface MetadataOutcome {
  successKeys: string[];
  errorKeys: Record<string, string>;
}

/** What the calls need of a started stack (read when a call is made). */
interface MetadataStack {
  readonly easemob: EasemobClient;
  readonly db: StackDb;
}

export class MetadataCalls {
  constructor(private readonly stack: MetadataStack) {}

  private get easemob(): EasemobClient {
    return this.stack.easemob;
  }

  /** A chatroom of `owner` with `members` (POST /chatrooms); `admins` among them made admins. */
  async newRoom(owner: string, members: string[], admins: string[] = []): Promise<string> {
    const id = await createEasemobChatroom(this.easemob, { owner, members });
    for (const newadmin of admins)
      expectEasemobOk(await this.easemob.post(`/chatrooms/${id}/admin`, { body: { newadmin } }));
    return id;
  }

  /** PUT .../user/{username}[/forced] with the SDK's body. */
  set(
    room: string,
    username: string,
    metaData: unknown,
    options: { autoDelete?: AutoDelete; forced?: boolean } = {},
  ): Promise<HttpResult> {
    const body = { metaData, autoDelete: options.autoDelete ?? 'DELETE' };
    return this.easemob.put(`/metadata/chatroom/${room}/user/${username}${options.forced ? '/forced' : ''}`, { body });
  }

  /** DELETE .../user/{username}[/forced]: the SDK adds `autoDelete` to the keys. */
  remove(room: string, username: string, keys: unknown, forced = false): Promise<HttpResult> {
    return this.easemob.delete(`/metadata/chatroom/${room}/user/${username}${forced ? '/forced' : ''}`, {
      body: { keys, autoDelete: 'DELETE' },
    });
  }

  /** POST /metadata/chatroom/{id}: `keys` as the SDK sends them, or no body at all (all of them). */
  read(room: string, keys?: unknown): Promise<HttpResult> {
    return this.easemob.post(
      `/metadata/chatroom/${room}`,
      keys === undefined ? {} : { body: { keys, autoDelete: 'DELETE' } },
    );
  }

  /** Sets and expects a 200: the outcome. */
  async setOk(
    room: string,
    username: string,
    metaData: Record<string, string>,
    options?: { autoDelete?: AutoDelete; forced?: boolean },
  ): Promise<MetadataOutcome> {
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
    return Object.fromEntries(
      ((doc?.attributes ?? []) as { key: string; ownerId: string }[]).map((a) => [a.key, a.ownerId]),
    );
  }

  /** The room's document in the room-metadata database (null: nothing was ever set). */
  stored(room: string) {
    return this.stack.db.rooms.findOne(groupKey(room));
  }
}

/** A metadata suite's stack: the /group fixture, an Easemob client logged in, the calls, and a tap on `room_attributes.changed`. */
export interface MetadataSuite extends MetadataStack {
  readonly e2e: GroupStack;
  readonly metadata: MetadataCalls;
  readonly tap: EventTap<'room_attributes.changed'>;
}

/** Registers the suite's stack (useGroupStack) and what the metadata suites add to it; call at the top of the describe. */
export function useMetadataSuite(suite: string): MetadataSuite {
  const e2e = useGroupStack(suite);
  let easemob: EasemobClient | undefined;
  let tap: EventTap<'room_attributes.changed'> | undefined;

  beforeAll(async () => {
    easemob = new EasemobClient(e2e.stack.baseUrl);
    await easemob.login();
    tap = await EventTap.open(e2e.stack.natsUrl, 'room_attributes.changed');
  });

  afterAll(() => tap?.close());

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`useMetadataSuite(${suite}): ${what} is only available once its beforeAll has run`);
    return value;
  };
  const stack = {
    e2e,
    get db() {
      return e2e.db;
    },
    get easemob() {
      return ready(easemob, 'easemob');
    },
    get tap() {
      return ready(tap, 'tap');
    },
  };
  return Object.assign(stack, { metadata: new MetadataCalls(stack) });
}
