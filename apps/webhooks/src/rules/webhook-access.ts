import type { CommandEnvelope } from '@cohort/contracts';
import { DomainError } from '@cohort/errors';

/** Webhooks are the app's own integration: only the app admin (an app token acting as no user) manages them. Answers the app. */
export function webhookAdminOnly(ctx: Pick<CommandEnvelope<unknown>, 'caller'>): string {
  if (!ctx.caller.isAppAdmin || ctx.caller.userId !== null)
    throw new DomainError('forbidden', 'webhooks are managed with an app token');
  return ctx.caller.appId;
}
