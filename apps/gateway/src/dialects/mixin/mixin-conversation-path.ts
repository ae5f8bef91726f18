import { UUID_PATTERN } from '@cohort/contracts';
import { applyDecorators, Controller } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';

import { matching } from '../../http/path-constraint';

/** The tag of every conversation operation in the API reference. */
export const CONVERSATIONS_TAG = 'mixin: conversations';

/**
 * A controller of `/conversations/{id}/...`: the id is a lower-case UUID (a conversation id, or an
 * invite code for `.../join`); any other id is an unknown endpoint (404) to the router.
 */
export const ConversationController = (): ClassDecorator =>
  applyDecorators(
    Controller(`conversations/${matching('id', UUID_PATTERN)}`),
    ApiTags(CONVERSATIONS_TAG),
    ApiParam({
      name: 'id',
      description: 'The conversation id (for `join`: the invite code)',
      schema: { type: 'string', pattern: UUID_PATTERN.source },
    }),
  );
