import type { HttpDialect } from '../../http/dialect';
import { mixinErrorSchema, renderMixinError } from './mixin-errors';

/** The `/conversations/...` dialect (Mixin Messenger), attached to its controllers with `@Dialect(mixinDialect)`. */
export const mixinDialect: HttpDialect = {
  name: 'mixin',
  renderError: renderMixinError,
  fields: {
    groupId: 'conversation_id',
    ownerId: 'creator_id',
    memberIds: 'participants',
    avatar: 'icon_url',
  },
  responseDocs: { error: { name: 'MixinError', schema: mixinErrorSchema } },
};
