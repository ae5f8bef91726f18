import { createHash } from 'node:crypto';

import { ApprovalPolicy, type DomainEvent, type EventMap, type EventType, type GroupType } from '@cohort/contracts';

/** docs/webhooks.md has the table. */
export interface EasemobOperation {
  operation: string;
  payload?: Record<string, unknown>;
}

type Mapper<K extends EventType> = (data: EventMap[K], event: DomainEvent<K>) => EasemobOperation | null;

/** Easemob's `owner` fields are `<appkey>_<user>`; member lists carry plain user ids. */
type Names = { appkey: string };

const members = (userId: string) => [userId];

/** Strings, as Easemob sends them. */
function infoOf(group: EventMap['group.created'], names: Names): Record<string, unknown> {
  return {
    owner: `${names.appkey}_${group.ownerId}`,
    created: String(group.createdAt),
    custom: group.ext,
    description: group.description,
    mute: String(group.muteAllUntil !== null),
    title: group.name,
    max_users: String(group.capacity),
    invite_need_confirm: 'false',
    public: String(group.public),
    membersonly: String(group.settings.applyApproval === ApprovalPolicy.ApprovalRequired),
    allow_user_invites: String(group.settings.memberInvite),
    avatar: group.avatar,
    disabled: 'false',
    last_modified: String(group.updatedAt),
  };
}

function changedInfoOf(changed: Record<string, unknown>): Record<string, unknown> {
  const names: Record<string, string> = {
    name: 'title',
    description: 'description',
    avatar: 'avatar',
    ext: 'custom',
    capacity: 'max_users',
    memberInvite: 'allow_user_invites',
  };
  const info: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(changed)) {
    if (key === 'applyApproval') info.membersonly = String(value === ApprovalPolicy.ApprovalRequired);
    else if (names[key]) info[names[key]] = String(value);
  }
  return info;
}

const JOIN_TYPE: Record<EventMap['member.joined']['how'], string> = {
  created: 'DIRECT',
  added: 'DIRECT',
  qr: 'DIRECT',
  code: 'DIRECT',
  invited: 'INVITE',
  applied: 'APPLY',
};

const LEAVE_TYPE: Record<EventMap['member.left']['how'], string> = {
  left: 'QUIT',
  kicked: 'KICK',
  blocked: 'BLOCK',
  destroyed: 'DELETE',
};

function mappers(names: Names): { [K in EventType]?: Mapper<K> } {
  return {
    'group.created': (group) => ({
      operation: 'CREATE',
      payload: { role: { [group.ownerId]: 'owner' }, member: [], info: infoOf(group, names) },
    }),
    'group.updated': ({ changed }) => ({
      operation: 'UPDATE',
      payload: { type: 'INFO', info: changedInfoOf(changed) },
    }),
    'group.settings_changed': ({ changed }) => {
      const info = changedInfoOf(changed);
      return Object.keys(info).length > 0 ? { operation: 'UPDATE', payload: { type: 'INFO', info } } : null;
    },
    'group.mute_all_changed': ({ until }) => ({ operation: 'UPDATE', payload: { mute: until !== null, type: 'MUTE' } }),
    'group.destroyed': () => ({ operation: 'DELETE' }),
    'group.owner_transferred': ({ previousOwnerId, newOwnerId }) => ({
      operation: 'UPDATE',
      payload: { owner: previousOwnerId, new_owner: newOwnerId, type: 'OWNER' },
    }),
    'member.joined': ({ userId, how }) => ({
      operation: 'JOIN',
      payload: { member: members(userId), type: JOIN_TYPE[how] },
    }),
    'member.left': ({ userId, how }) => ({
      operation: 'LEAVE',
      payload: { member: members(userId), type: LEAVE_TYPE[how] },
    }),
    'member.role_changed': ({ userId, role, previousRole }) => {
      if (role === 'admin') return { operation: 'ADMIN', payload: { admin: members(userId), type: 'ADD' } };
      if (previousRole === 'admin' && role === 'member')
        return { operation: 'ADMIN', payload: { admin: members(userId), type: 'REMOVE' } };
      return null; // ownership moves are `group.owner_transferred`'s UPDATE OWNER
    },
    'member.muted': ({ userId, until }) => ({
      operation: 'MUTE',
      payload: { member: members(userId), expire_timestamp: until, type: 'ADD' },
    }),
    'member.unmuted': ({ userId }) => ({ operation: 'MUTE', payload: { member: members(userId), type: 'REMOVE' } }),
    'member.blocked': ({ userId }) => ({ operation: 'BLOCK', payload: { member: members(userId), type: 'ADD' } }),
    'member.unblocked': ({ userId }) => ({ operation: 'BLOCK', payload: { member: members(userId), type: 'REMOVE' } }),
    'member.allowlisted': ({ userId }) => ({ operation: 'WHITE', payload: { member: members(userId), type: 'ADD' } }),
    'member.unallowlisted': ({ userId }) => ({
      operation: 'WHITE',
      payload: { member: members(userId), type: 'REMOVE' },
    }),
    'announcement.published': ({ content }) => ({
      operation: 'UPDATE',
      payload: { type: 'ANNOUNCEMENT', announcement: content },
    }),
    'announcement.deleted': () => ({ operation: 'UPDATE', payload: { type: 'ANNOUNCEMENT' } }),
    'file.added': ({ fileId }) => ({ operation: 'SHARE_FILE', payload: { share_file: [fileId], type: 'ADD' } }),
    'file.deleted': ({ fileId }) => ({ operation: 'SHARE_FILE', payload: { share_file: [fileId], type: 'REMOVE' } }),
  };
}

export function hasEasemobCounterpart(type: EventType): boolean {
  return mappers({ appkey: '' })[type] !== undefined;
}

export interface EasemobCallbackInput {
  event: DomainEvent;
  groupType: GroupType;
  orgName: string;
  appName: string;
  /** Retries send the same callId, and so the same security. */
  callUuid: string;
  secret: string;
}

/** Easemob's `security`. */
export function easemobSecurity(callId: string, secret: string, timestamp: number): string {
  return createHash('md5').update(`${callId}${secret}${timestamp}`).digest('hex');
}

/** `operator` is `@ppAdmin` for the app admin acting as no user; `timestamp` is when the operation completed. */
export function easemobCallbackBody(input: EasemobCallbackInput): Record<string, unknown> | null {
  const { event } = input;
  const appkey = `${input.orgName}#${input.appName}`;
  const mapper = mappers({ appkey })[event.type] as Mapper<EventType> | undefined;
  const mapped = mapper?.(event.data, event);
  if (!mapped) return null;
  const callId = `${appkey}_${input.callUuid}`;
  const timestamp = Date.parse(event.occurredAt);
  return {
    callId,
    security: easemobSecurity(callId, input.secret, timestamp),
    ...(mapped.payload ? { payload: mapped.payload } : {}),
    appkey,
    id: event.groupId,
    type: input.groupType === 'chatroom' ? 'CHATROOM' : 'GROUP',
    event: 'group_op_event',
    operation: mapped.operation,
    operator: event.actor.userId ?? '@ppAdmin',
    timestamp,
  };
}
