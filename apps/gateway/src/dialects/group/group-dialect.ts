import { USER_ID_PATTERN } from '@cohort/contracts';
import { ApiHeader, ApiQuery, ApiSecurity } from '@nestjs/swagger';

import type { HttpDialect } from '../../http/dialect';
import { RETRY_AFTER } from '../../openapi/status-answers';
import { GroupAuthGuard } from './group-auth.guard';
import { GroupEnvelopeInterceptor, groupSuccessSchema } from './group-envelope.interceptor';
import { groupErrorSchema, renderGroupError } from './group-errors';

const ACT_AS = 'App-admin token: act as this user; user token: its own user or absent, else code 401';
const STRING = { type: 'string' };
const USER_ID = { ...STRING, pattern: USER_ID_PATTERN.source };

export const groupDialect: HttpDialect = {
  name: 'group',
  renderError: renderGroupError,
  fields: {
    groupId: 'group_id',
    groupIds: 'group_list',
    memberIds: 'user_list',
    userIds: 'user_list',
    // The user the call acts as: the owner of a group being created, whoever acts for themselves.
    ownerId: 'user_id',
    userId: 'user_id',
    // The other user of a join step, sent as `user_id` in the body (not the act-as `user_id`).
    applicantId: 'user_id',
    inviterId: 'user_id',
    newOwnerId: 'new_owner',
    approve: 'approval',
    accept: 'approval',
    token: 'qr_info',
    applyApproval: 'apply_approval',
    durationMs: 'duration',
    msgMuteMode: 'msg_mute_mode',
    msgPushMode: 'msg_push_mode',
    announcementId: 'announcement_id',
    fileId: 'file_id',
    fileIds: 'file_list',
  },
  auth: GroupAuthGuard,
  envelope: GroupEnvelopeInterceptor,
  // The calling convention (calling-convention.ts).
  apiDocs: () => [
    ApiSecurity('access-token'),
    ApiSecurity('bearer'),
    ApiSecurity('access-token-query'),
    ApiHeader({
      name: 'app_id',
      required: true,
      description: 'The app (or the `app_id` query parameter; the header wins); missing or another app: code 401',
    }),
    ApiHeader({
      name: 'access-token',
      required: false,
      description:
        'The token (security scheme `access-token`); or `Authorization: Bearer`, or the `access-token` query parameter',
    }),
    ApiHeader({
      name: 'user_id',
      required: false,
      schema: USER_ID,
      description: `${ACT_AS} (or the \`user_id\` query parameter; the header wins)`,
    }),
    ApiHeader({
      name: 'group_id',
      required: false,
      description:
        "App-admin token: act as an admin of this group; names the call's group when its query or body does not (user tokens: ignored)",
    }),
    ApiQuery({
      name: 'app_id',
      required: false,
      schema: STRING,
      description: 'The app, when the `app_id` header is absent or empty',
    }),
    ApiQuery({
      name: 'user_id',
      required: false,
      schema: USER_ID,
      description: `${ACT_AS}, when the \`user_id\` header is absent or empty`,
    }),
    ApiQuery({
      name: 'access-token',
      required: false,
      schema: STRING,
      description: 'The token, when neither the `access-token` header nor `Authorization: Bearer` is sent',
    }),
  ],
  responseDocs: {
    error: { name: 'GroupError', schema: groupErrorSchema },
    success: (data, error) => ({
      description: 'Every request that reached the dialect: `code` 200 and `data`, or an error and its code',
      schema: { oneOf: [groupSuccessSchema(data), error] },
      headers: {
        'Retry-After': { ...RETRY_AFTER, description: 'With code 429: seconds until the next request may pass' },
      },
    }),
  },
};
