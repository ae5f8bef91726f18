import { createHash } from 'node:crypto';

import type { DomainEvent, EventType } from '@cohort/contracts';

import { easemobCallbackBody, hasEasemobCounterpart } from './easemob-format';

const event = <K extends EventType>(type: K, data: DomainEvent<K>['data'], userId: string | null = null): DomainEvent =>
  ({
    eventId: 'e1',
    type,
    occurredAt: '2026-12-04T10:00:00.000Z',
    appId: 'a1',
    groupId: '255445981790209',
    actor: { userId, isAppAdmin: userId === null },
    correlationId: 'r1',
    data,
  }) as DomainEvent;

const input = (e: DomainEvent, groupType: 'group' | 'chatroom' = 'group') => ({
  event: e,
  groupType,
  orgName: 'org',
  appName: 'app',
  callUuid: '0b5d4c1e-0000-4000-8000-000000000001',
  secret: 'easemob-secret-123456',
});

describe('the easemob callback body', () => {
  it("is Easemob's member mute callback, with a security that verifies", () => {
    const body = easemobCallbackBody(input(event('member.muted', { userId: 'tst01', until: 1729585614955 })));
    const timestamp = Date.parse('2026-12-04T10:00:00.000Z');
    const callId = 'org#app_0b5d4c1e-0000-4000-8000-000000000001';
    expect(body).toEqual({
      callId,
      security: createHash('md5').update(`${callId}easemob-secret-123456${timestamp}`).digest('hex'),
      payload: { member: ['tst01'], expire_timestamp: 1729585614955, type: 'ADD' },
      appkey: 'org#app',
      id: '255445981790209',
      type: 'GROUP',
      event: 'group_op_event',
      operation: 'MUTE',
      operator: '@ppAdmin',
      timestamp,
    });
  });

  it.each([
    ['member.unmuted', { userId: 'u' }, 'MUTE', { member: ['u'], type: 'REMOVE' }],
    ['member.left', { userId: 'u', role: 'member', how: 'kicked' }, 'LEAVE', { member: ['u'], type: 'KICK' }],
    ['member.joined', { userId: 'u', role: 'member', how: 'applied' }, 'JOIN', { member: ['u'], type: 'APPLY' }],
    [
      'member.role_changed',
      { userId: 'u', role: 'admin', previousRole: 'member' },
      'ADMIN',
      { admin: ['u'], type: 'ADD' },
    ],
    ['member.allowlisted', { userId: 'u' }, 'WHITE', { member: ['u'], type: 'ADD' }],
    ['member.blocked', { userId: 'u' }, 'BLOCK', { member: ['u'], type: 'ADD' }],
    ['group.mute_all_changed', { until: -1 }, 'UPDATE', { mute: true, type: 'MUTE' }],
    [
      'group.owner_transferred',
      { previousOwnerId: 'a', newOwnerId: 'b' },
      'UPDATE',
      { owner: 'a', new_owner: 'b', type: 'OWNER' },
    ],
    ['announcement.deleted', { announcementId: '1' }, 'UPDATE', { type: 'ANNOUNCEMENT' }],
    [
      'file.added',
      { fileId: '9', name: 'n', size: 1, type: '', url: 'https://x', uploaderId: null, createdAt: 1, updatedAt: 1 },
      'SHARE_FILE',
      { share_file: ['9'], type: 'ADD' },
    ],
  ] as [EventType, DomainEvent['data'], string, unknown][])(
    '%s is %s with its payload',
    (type, data, operation, payload) => {
      expect(easemobCallbackBody(input(event(type, data as never), 'chatroom'))).toMatchObject({
        operation,
        payload,
        type: 'CHATROOM',
      });
    },
  );

  it('names the acting user as operator; a destroyed group has no payload', () => {
    const body = easemobCallbackBody(input(event('group.destroyed', { type: 'group', ownerId: 'o' }, 'o')));
    expect(body).toMatchObject({ operation: 'DELETE', operator: 'o' });
    expect(body).not.toHaveProperty('payload');
  });

  it('sends nothing for events without a counterpart', () => {
    expect(hasEasemobCounterpart('file.renamed')).toBe(false);
    expect(hasEasemobCounterpart('member.muted')).toBe(true);
    expect(easemobCallbackBody(input(event('file.renamed', { fileId: '1', name: 'b', previousName: 'a' })))).toBeNull();
  });
});
