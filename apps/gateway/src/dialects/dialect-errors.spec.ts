import { DomainError } from '@cohort/errors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { tokenExpired } from '../auth/token-errors';
import { trackRoutedRequests } from '../http/routed-request';
import { easemobDialect } from './easemob/easemob-dialect';
import { groupDialect } from './group/group-dialect';
import { mixinDialect } from './mixin/mixin-dialect';

/** A request that never reached a route (unknown path, unparsable body). */
const request = {} as FastifyRequest;

/** A request Fastify routed and whose body it parsed: runs the preValidation hook on it. */
function routedRequest(): FastifyRequest {
  const routed = { is404: false } as FastifyRequest;
  const fastify = {
    addHook: (_name: string, hook: (r: FastifyRequest, reply: unknown, done: () => void) => void) =>
      hook(routed, {}, () => undefined),
  };
  trackRoutedRequests(fastify as unknown as FastifyInstance);
  return routed;
}

describe('dialect error renderers', () => {
  it('renders the /group envelope at HTTP 200 with the canonical status as code', () => {
    const rendered = groupDialect.renderError(new DomainError('group_full', 'full'), routedRequest());
    expect(rendered).toEqual({ status: 200, body: { code: 409, message: 'group_full: full', data: null } });
  });

  it('gives an expired token code 402 in /group, 401 elsewhere', () => {
    expect(groupDialect.renderError(tokenExpired(), routedRequest())).toEqual({
      status: 200,
      body: { code: 402, message: 'unauthorized: token expired', data: null },
    });
    expect(mixinDialect.renderError(tokenExpired(), routedRequest()).status).toBe(401);
    expect(easemobDialect.renderError(tokenExpired(), routedRequest()).status).toBe(401);
  });

  it('answers /group requests that never reached a route with code as HTTP status', () => {
    const rendered = groupDialect.renderError(new DomainError('not_found', 'no such endpoint'), request);
    expect(rendered).toEqual({ status: 404, body: { code: 404, message: 'not_found: no such endpoint', data: null } });
  });

  it('renders Easemob statuses of its own table', () => {
    expect(easemobDialect.renderError(new DomainError('already_member', 'x'), request)).toMatchObject({
      status: 400,
      body: { error: 'forbidden_op', error_description: 'x' },
    });
    expect(easemobDialect.renderError(new DomainError('group_full', 'x'), request).status).toBe(403);
    expect(easemobDialect.renderError(new DomainError('group_not_found', 'x'), request)).toMatchObject({
      status: 404,
      body: { error: 'resource_not_found' },
    });
  });

  it('renders the Mixin envelope', () => {
    expect(mixinDialect.renderError(new DomainError('forbidden', 'no'), request)).toEqual({
      status: 403,
      body: { error: { status: 403, code: 403, description: 'no' } },
    });
  });
});
