import type { RegisteredApp } from '../../tenancy/apps.registry';
import { easemobEnvelope, EasemobList } from './easemob-envelope.interceptor';

const app = {
  appId: 'demo',
  orgName: 'acme',
  appName: 'chat',
  applicationUuid: '8f1b0c52-1f3e-5a4b-a2c1-0123456789ab',
} as RegisteredApp;
const request = {
  method: 'GET',
  url: '/acme/chat/chatrooms/12/users?pagenum=2&pagesize=3',
  app,
  baseUrl: 'https://im.example.test/',
  duration: 4,
};

describe('easemobEnvelope', () => {
  it('wraps an answer with the request, the app and the times', () => {
    expect(easemobEnvelope({ ...request, method: 'POST' }, { result: true }, 1_700_000_000_000)).toEqual({
      action: 'post',
      application: app.applicationUuid,
      applicationName: 'chat',
      organization: 'acme',
      uri: 'https://im.example.test/acme/chat/chatrooms/12/users',
      entities: [],
      data: { result: true },
      timestamp: 1_700_000_000_000,
      duration: 4,
    });
  });

  it('adds count, and params when given, to a list', () => {
    const params = { pagenum: ['2'], pagesize: ['3'] };
    expect(easemobEnvelope(request, new EasemobList([{ member: 'a' }, { member: 'b' }], params))).toMatchObject({
      action: 'get',
      data: [{ member: 'a' }, { member: 'b' }],
      count: 2,
      params,
    });
    const withoutParams = easemobEnvelope(request, new EasemobList([]));
    expect(withoutParams).toMatchObject({ data: [], count: 0 });
    expect(withoutParams).not.toHaveProperty('params');
  });

  it('adds the cursor of the next page when there is one, never an empty or null one', () => {
    expect(easemobEnvelope(request, new EasemobList([1], { limit: ['1'] }, 'abc'))).toMatchObject({
      count: 1,
      params: { limit: ['1'] },
      cursor: 'abc',
    });
    for (const last of [null, '', undefined])
      expect(easemobEnvelope(request, new EasemobList([1], undefined, last))).not.toHaveProperty('cursor');
  });

  it('keeps a path prefix of the public base URL', () => {
    expect(easemobEnvelope({ ...request, baseUrl: 'https://example.test/im' }, null).uri).toBe(
      'https://example.test/im/acme/chat/chatrooms/12/users',
    );
  });
});
