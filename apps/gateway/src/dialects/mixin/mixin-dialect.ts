import { USER_ID_PATTERN } from '@cohort/contracts';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiQuery,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

import type { HttpDialect } from '../../http/dialect';
import { ApiEdgeResponses } from '../../openapi/status-answers';
import { MixinAuthGuard } from './mixin-auth.guard';
import { MixinEnvelopeInterceptor, mixinSuccessSchema } from './mixin-envelope.interceptor';
import { mixinErrorSchema, renderMixinError } from './mixin-errors';

/** The `/conversations/...` and `/users` dialect (Mixin Messenger), attached to its controllers with `@Dialect(mixinDialect)`. */
export const mixinDialect: HttpDialect = {
  name: 'mixin',
  renderError: renderMixinError,
  fields: {
    groupId: 'conversation_id',
    ownerId: 'user_id',
    memberIds: 'participants',
    userIds: 'participants',
    avatar: 'icon_url',
    code: 'code_id',
    content: 'announcement',
    notificationsMutedForSeconds: 'duration',
    disappearSeconds: 'duration',
    fullName: 'full_name',
    publicKey: 'session_secret',
  },
  auth: MixinAuthGuard,
  envelope: MixinEnvelopeInterceptor,
  apiDocs: () => [
    ApiSecurity('bearer'),
    ApiHeader({
      name: 'X-Request-Id',
      required: false,
      description: 'Echoed in the answer (Mixin signed requests carry it, equal to the token’s `jti`)',
    }),
    ApiQuery({
      name: 'user_id',
      required: false,
      schema: { type: 'string', pattern: USER_ID_PATTERN.source },
      description:
        'An app token or the bot: act as this user; a user token or session: its own user or absent, else 401',
    }),
    ApiBadRequestResponse({ description: 'Invalid data: the description names the field' }),
    ApiUnauthorizedResponse({
      description:
        'No valid signed request or token: a bad signature, an unknown session, a changed request, an expired or replayed token...',
    }),
    ApiForbiddenResponse({ description: 'The caller may not do this (not an admin, not the owner...)' }),
    ApiNotFoundResponse({ description: 'No such conversation (for the caller), invite code or endpoint' }),
    ...ApiEdgeResponses(),
  ],
  responseDocs: {
    error: { name: 'MixinError', schema: mixinErrorSchema },
    success: (data) => ({ description: 'The answer in `{data}`', schema: mixinSuccessSchema(data) }),
  },
};
