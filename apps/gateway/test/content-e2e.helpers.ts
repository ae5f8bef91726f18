// Helpers of the announcement and file suites: the calls of 4.4–4.8 and 4.19–4.23 and what their
// answers must hold.
import type { DomainEvent, EventType } from '@cohort/contracts';
import { EventTap, expectEventually, type Stack } from '@cohort/testing';
import type { Collection } from 'mongodb';

import { expectOk, type HttpResult } from './group-e2e.helpers';
import { MembershipApi } from './group-membership.helpers';

/** Every key of an announcement (4.4), sorted. */
export const ANNOUNCEMENT_KEYS = ['author', 'content', 'created_at', 'group_id', 'id', 'title'];
/** Every key of a file (4.19), sorted. */
export const FILE_KEYS = ['created_at', 'file_id', 'group_id', 'name', 'size', 'type', 'updated_at', 'uploader', 'url'];

export interface Announcement {
  author: number;
  content: string;
  created_at: number;
  group_id: number;
  id: number;
  title: string;
}

export interface SharedFile {
  created_at: number;
  file_id: number;
  group_id: number;
  name: string;
  size: number;
  type: string;
  updated_at: number;
  uploader: number;
  url: string;
}

type Id = number | string;

/** A code-200 answer whose data has exactly `keys`: its data. */
export function expectItem<T>(res: HttpResult, keys: string[]): T {
  expectOk(res);
  expect(Object.keys(res.body.data as object).sort()).toEqual(keys);
  return res.body.data as T;
}

/** The stack's client with the announcement and file calls (`actAs`: the `user_id` header). */
export class ContentApi extends MembershipApi {
  setMemberModify(token: string, groupId: Id, value: boolean) {
    return this.groupCall('PUT', 'settings/allow_member_modify', token, groupId, { value });
  }

  publish(token: string, groupId: Id, title: unknown, content: unknown, actAs?: string) {
    return this.groupCall('POST', 'announcement/edit', token, groupId, { title, content }, actAs);
  }

  /** Publishes as `token`; asserts the answer and returns the announcement. */
  async published(token: string, groupId: Id, title: string, content = `${title}!`): Promise<Announcement> {
    return expectItem<Announcement>(await this.publish(token, groupId, title, content), ANNOUNCEMENT_KEYS);
  }

  announcement(token: string, groupId: Id, announcementId: Id, actAs?: string) {
    return this.groupGet('announcement', token, { group_id: groupId, announcement_id: announcementId }, actAs);
  }

  lastAnnouncement(token: string, groupId: Id, actAs?: string) {
    return this.groupGet('announcement/last', token, { group_id: groupId }, actAs);
  }

  announcements(token: string, groupId: Id, query: Record<string, string | number> = {}, actAs?: string) {
    return this.groupGet('announcement/list', token, { group_id: groupId, ...query }, actAs);
  }

  deleteAnnouncement(method: string, token: string, groupId: Id, announcementId: Id, actAs?: string) {
    return this.call(method, '/group/announcement/delete', {
      token,
      query: { group_id: groupId, announcement_id: announcementId },
      headers: actAs ? { user_id: actAs } : {},
    });
  }

  upload(token: string, groupId: Id, fields: Record<string, unknown>, actAs?: string) {
    return this.groupCall('POST', 'file/upload', token, groupId, fields, actAs);
  }

  /** Uploads `name` as `token`; asserts the answer and returns the file. */
  async uploaded(token: string, groupId: Id, name: string, actAs?: string): Promise<SharedFile> {
    const fields = {
      name,
      size: 1024,
      type: 'application/pdf',
      url: `https://files.example.com/${encodeURIComponent(name)}`,
    };
    return expectItem<SharedFile>(await this.upload(token, groupId, fields, actAs), FILE_KEYS);
  }

  file(token: string, groupId: Id, fileId: Id, actAs?: string) {
    return this.groupGet('file', token, { group_id: groupId, file_id: fileId }, actAs);
  }

  files(token: string, groupId: Id, query: Record<string, string | number> = {}, actAs?: string) {
    return this.groupGet('file/list', token, { group_id: groupId, ...query }, actAs);
  }

  renameFile(method: string, token: string, groupId: Id, fileId: unknown, name: unknown, actAs?: string) {
    return this.groupCall(method, 'file/update_name', token, groupId, { file_id: fileId, name }, actAs);
  }

  deleteFiles(method: string, token: string, groupId: Id, fileList: unknown, actAs?: string) {
    return this.groupCall(method, 'file/delete', token, groupId, { file_list: fileList }, actAs);
  }
}

/**
 * The stored document of an announcement or file, once its event was sent (the outbox emptied by
 * the same request, so at once unless NATS failed).
 */
export async function storedAndSent(collection: Collection, filter: object) {
  return expectEventually(async () => {
    const doc = await collection.findOne(filter);
    expect(doc).toMatchObject({ outbox: [] });
    return doc;
  });
}

/**
 * Registers hooks that open an EventTap per type on the suite's stack once it runs and close them
 * after; `of(type, groupId)`: what they heard about a group so far, in publish order.
 */
export function useEventTaps<K extends EventType>(stack: () => Stack, types: readonly K[]) {
  const taps = new Map<EventType, EventTap<K>>();
  beforeAll(async () => {
    for (const type of types) taps.set(type, await EventTap.open(stack().natsUrl, type));
  });
  afterAll(() => Promise.all([...taps.values()].map((tap) => tap.close())));
  return {
    of<T extends K>(type: T, groupId: number | string): DomainEvent<T>[] {
      const tap = taps.get(type) as EventTap<T> | undefined;
      if (!tap) throw new Error(`no EventTap for ${type}: name it in useEventTaps (taps open in beforeAll)`);
      return tap.events.filter((event) => event.groupId === String(groupId));
    },
  };
}
