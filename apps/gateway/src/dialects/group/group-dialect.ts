import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import type { HttpDialect } from '../../http/dialect';
import { GroupAuthGuard } from './group-auth.guard';
import { GroupEnvelopeInterceptor } from './group-envelope.interceptor';
import { renderGroupError } from './group-errors';

/** The `/group/...` dialect (the vendor's "group" API), attached to its controllers with `@Dialect(groupDialect)`. */
export const groupDialect: HttpDialect = {
  name: 'group',
  renderError: renderGroupError,
  fields: {
    groupId: 'group_id',
    groupIds: 'group_list',
    memberIds: 'user_list',
    // The owner of a group being created is the user the call acts as.
    ownerId: 'user_id',
    applyApproval: 'apply_approval',
    durationMinutes: 'duration',
  },
  auth: GroupAuthGuard,
  envelope: GroupEnvelopeInterceptor,
  apiDocs: [
    ApiSecurity('access-token'),
    ApiHeader({ name: 'app_id', required: false, description: 'The app; required, here or as the `app_id` query parameter (the header wins)' }),
    ApiHeader({
      name: 'user_id',
      required: false,
      description: "App-admin token: act as this user; user token: its own user or absent, else 401 (also `user_id` query; the header wins)",
    }),
    ApiHeader({ name: 'group_id', required: false, description: 'Accepted and ignored: an app-admin token already has owner rights in every group' }),
  ],
};
