import type { RequestContext } from '@cohort/bus';
import type { Caller } from '@cohort/contracts';
import type { FastifyRequest } from 'fastify';

import type { RegisteredApp } from '../tenancy/apps.registry';

export interface Authenticated {
  app: RegisteredApp;
  caller: Caller;
}

export type CohortRequest = FastifyRequest & { cohort?: Authenticated };

export function busContext(request: CohortRequest): RequestContext {
  if (!request.cohort) throw new Error('route is missing its auth guard');
  return { caller: request.cohort.caller, requestId: String(request.id) };
}
