import type { TokenIdentity } from '../../auth/token.service';
import type { RegisteredApp } from '../../tenancy/apps.registry';
import { groupCaller } from './group-auth.guard';

const app = { appId: 'demo' } as RegisteredApp;
const admin: TokenIdentity = { app, userId: null, isAppAdmin: true };
const user: TokenIdentity = { app, userId: '7', isAppAdmin: false };

describe('groupCaller (the act-as rule)', () => {
  it('lets an app-admin token act with full rights, or as user_id when given', () => {
    expect(groupCaller(admin, undefined)).toEqual({ appId: 'demo', userId: null, isAppAdmin: true });
    expect(groupCaller(admin, '42')).toEqual({ appId: 'demo', userId: '42', isAppAdmin: true });
  });

  it('ignores user_id on a user token', () => {
    expect(groupCaller(user, '42')).toEqual({ appId: 'demo', userId: '7', isAppAdmin: false });
  });

  it('rejects a malformed user_id', () => {
    expect(() => groupCaller(admin, 'a b')).toThrow(expect.objectContaining({ code: 'invalid_parameter' }));
  });
});
