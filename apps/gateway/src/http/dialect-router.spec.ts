import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@cohort/errors';
import { tokenExpired } from '../auth/token-errors';
import { dialectForUrl } from './dialect-router';
import { trackRoutedRequests } from './routed-request';

/** A request that never reached a route (unknown path, unparsable body). */
const request = {} as FastifyRequest;

/** A request Fastify routed and whose body it parsed: runs the preValidation hook on it. */
function routedRequest(): FastifyRequest {
  const routed = { is404: false } as FastifyRequest;
  const fastify = { addHook: (_name: string, hook: (r: FastifyRequest, reply: unknown, done: () => void) => void) => hook(routed, {}, () => undefined) };
  trackRoutedRequests(fastify as unknown as FastifyInstance);
  return routed;
}

describe('dialect error envelopes', () => {
  it('picks the dialect from the path', () => {
    expect(dialectForUrl('/group/info?app_id=x').name).toBe('group');
    expect(dialectForUrl('/conversations/abc').name).toBe('mixin');
    expect(dialectForUrl('/token').name).toBe('plain');
    expect(dialectForUrl('/demo/demo/chatrooms').name).toBe('easemob');
  });

  it('renders the /group envelope at HTTP 200 with the canonical status as code', () => {
    const rendered = dialectForUrl('/group/info').renderError(new DomainError('group_full', 'full'), routedRequest());
    expect(rendered).toEqual({ status: 200, body: { code: 409, message: 'group_full: full', data: null } });
  });

  it('gives an expired token code 402 in /group, 401 elsewhere', () => {
    expect(dialectForUrl('/group/info').renderError(tokenExpired(), routedRequest())).toEqual({
      status: 200,
      body: { code: 402, message: 'unauthorized: token expired', data: null },
    });
    expect(dialectForUrl('/conversations/x').renderError(tokenExpired(), routedRequest()).status).toBe(401);
  });

  it('answers /group requests that never reached a route with code as HTTP status', () => {
    const rendered = dialectForUrl('/group/nope').renderError(new DomainError('not_found', 'no such endpoint'), request);
    expect(rendered).toEqual({ status: 404, body: { code: 404, message: 'not_found: no such endpoint', data: null } });
  });

  it('renders Easemob statuses of its own table', () => {
    const easemob = dialectForUrl('/o/a/chatrooms');
    expect(easemob.renderError(new DomainError('already_member', 'x'), request)).toMatchObject({
      status: 400,
      body: { error: 'forbidden_op', error_description: 'x' },
    });
    expect(easemob.renderError(new DomainError('group_full', 'x'), request).status).toBe(403);
    expect(easemob.renderError(new DomainError('group_not_found', 'x'), request)).toMatchObject({
      status: 404,
      body: { error: 'resource_not_found' },
    });
  });

  it('renders the Mixin envelope', () => {
    expect(dialectForUrl('/conversations/x').renderError(new DomainError('forbidden', 'no'), request)).toEqual({
      status: 403,
      body: { error: { status: 403, code: 403, description: 'no' } },
    });
  });
});
