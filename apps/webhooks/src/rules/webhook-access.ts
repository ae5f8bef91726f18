import type { CommandEnvelope } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';

/** The app's own integration: only the app admin acting as no user manages it. */
export function webhookAdminOnly(ctx: Pick<CommandEnvelope<unknown>, 'caller'>): string {
  if (!ctx.caller.isAppAdmin || ctx.caller.userId !== null)
    throw new DomainError('forbidden', 'webhooks are managed with an app token');
  return ctx.caller.appId;
}
