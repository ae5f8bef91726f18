import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiSecurity } from '@nestjs/swagger';
import { GroupAuthGuard } from './group-auth.guard';
import { GroupEnvelopeInterceptor } from './group-envelope.interceptor';

/** A /group controller: its calling convention (documented), auth guard and success envelope. */
export function GroupEndpoints(): ClassDecorator {
  return applyDecorators(
    ApiSecurity('access-token'),
    ApiHeader({ name: 'app_id', required: false, description: 'The app; required, here or as the `app_id` query parameter (the header wins)' }),
    ApiHeader({ name: 'user_id', required: false, description: 'App-admin token: act as this user (also `user_id` query; the header wins)' }),
    ApiHeader({ name: 'group_id', required: false, description: 'Accepted and ignored: an app-admin token already has owner rights in every group' }),
    UseGuards(GroupAuthGuard),
    UseInterceptors(GroupEnvelopeInterceptor),
  );
}
