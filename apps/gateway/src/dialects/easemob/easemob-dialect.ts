import type { HttpDialect } from '../../http/dialect';
import { easemobErrorSchema, renderEasemobError } from './easemob-errors';

/** The `/{org_name}/{app_name}/...` dialect, attached to its controllers with `@Dialect(easemobDialect)`. */
export const easemobDialect: HttpDialect = {
  name: 'easemob',
  renderError: renderEasemobError,
  fields: {
    ownerId: 'owner',
    memberIds: 'members',
    capacity: 'maxusers',
    ext: 'custom',
  },
  responseDocs: { error: { name: 'EasemobError', schema: easemobErrorSchema } },
};
