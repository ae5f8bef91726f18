import { ApiBearerAuth, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

import type { HttpDialect } from '../../http/dialect';
import { ApiEdgeResponses } from '../../openapi/status-answers';
import { easemobAppParams } from './easemob-app';
import { EasemobAuthGuard } from './easemob-auth.guard';
import { EasemobEnvelopeInterceptor, easemobSuccessSchema } from './easemob-envelope.interceptor';
import { easemobErrorSchema, renderEasemobError } from './easemob-errors';

/** No caller to resolve (it checks client credentials) and no envelope (it answers the token itself). */
export const easemobTokenDialect: HttpDialect = {
  name: 'easemob',
  renderError: renderEasemobError,
  fields: {
    groupId: 'id',
    ownerId: 'owner',
    memberIds: 'members',
    userIds: 'usernames',
    userId: 'username',
    newOwnerId: 'newowner',
    capacity: 'maxusers',
    ext: 'custom',
    pageNumber: 'pagenum',
    pageSize: 'pagesize',
    durationMs: 'mute_duration',
    attributes: 'metaData',
    removeOnLeave: 'autoDelete',
  },
  apiDocs: () => easemobAppParams(),
  responseDocs: { error: { name: 'EasemobError', schema: easemobErrorSchema } },
};

export const easemobDialect: HttpDialect = {
  ...easemobTokenDialect,
  auth: EasemobAuthGuard,
  envelope: EasemobEnvelopeInterceptor,
  apiDocs: () => [
    ApiBearerAuth(),
    ...easemobAppParams(),
    ApiUnauthorizedResponse({
      description: "No app token of this app: missing, invalid or expired, a user token, or another app's",
    }),
    ApiNotFoundResponse({ description: 'No app of that org_name and app_name, or no such resource' }),
    ...ApiEdgeResponses(),
  ],
  responseDocs: {
    error: easemobTokenDialect.responseDocs.error,
    success: (data) => ({ description: 'The Easemob envelope of the answer', schema: easemobSuccessSchema(data) }),
  },
};
