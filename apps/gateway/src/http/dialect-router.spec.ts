import type { FastifyRequest } from 'fastify';
import { DomainError } from '@cohort/errors';
import { dialectForUrl } from './dialect-router';

const request = {} as FastifyRequest;

describe('dialect error envelopes', () => {
  it('picks the dialect from the path', () => {
    expect(dialectForUrl('/group/info?app_id=x').name).toBe('group');
    expect(dialectForUrl('/conversations/abc').name).toBe('mixin');
    expect(dialectForUrl('/token').name).toBe('plain');
    expect(dialectForUrl('/demo/demo/chatrooms').name).toBe('easemob');
  });

  it('renders the /group envelope with the canonical status', () => {
    const rendered = dialectForUrl('/group/info').renderError(new DomainError('group_full', 'full'), request);
    expect(rendered).toEqual({ status: 409, body: { code: 409, message: 'group_full: full', data: null } });
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
