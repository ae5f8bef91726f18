import { ApiBearerAuth, ApiGatewayTimeoutResponse, ApiNotFoundResponse, ApiResponse, ApiServiceUnavailableResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { HttpDialect } from '../../http/dialect';
import { easemobAppParams } from './easemob-app';
import { EasemobAuthGuard } from './easemob-auth.guard';
import { EasemobEnvelopeInterceptor, easemobSuccessSchema } from './easemob-envelope.interceptor';
import { easemobErrorSchema, renderEasemobError } from './easemob-errors';

/**
 * The `/{org_name}/{app_name}/token` endpoint: Easemob's errors and names, but no caller to
 * resolve (it checks client credentials) and no envelope (it answers the token itself).
 */
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

/**
 * The `/{org_name}/{app_name}/...` dialect, attached to its controllers with
 * `@Dialect(easemobDialect)`: an app token of the path's app (the caller is the app admin), the
 * success envelope, Easemob's errors and names.
 */
export const easemobDialect: HttpDialect = {
  ...easemobTokenDialect,
  auth: EasemobAuthGuard,
  envelope: EasemobEnvelopeInterceptor,
  apiDocs: () => [
    ApiBearerAuth(),
    ...easemobAppParams(),
    ApiUnauthorizedResponse({ description: "No app token of this app: missing, invalid or expired, a user token, or another app's" }),
    ApiNotFoundResponse({ description: 'No app of that org_name and app_name, or no such resource' }),
    ApiResponse({
      status: 429,
      description: 'Rate limited',
      headers: { 'Retry-After': { description: 'Seconds until the next request may pass', schema: { type: 'string', pattern: '^[1-9][0-9]*$' } } },
    }),
    ApiServiceUnavailableResponse({ description: 'A service is not running' }),
    ApiGatewayTimeoutResponse({ description: 'A service did not answer in time' }),
  ],
  responseDocs: {
    error: easemobTokenDialect.responseDocs.error,
    success: (data) => ({ description: 'The Easemob envelope of the answer', schema: easemobSuccessSchema(data) }),
  },
};
