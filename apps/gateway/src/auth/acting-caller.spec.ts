import type { RegisteredApp } from '../tenancy/apps.registry';
import { actingCaller } from './acting-caller';
import type { TokenIdentity } from './token.service';

const app = { appId: 'demo' } as RegisteredApp;
const admin: TokenIdentity = { app, userId: null, isAppAdmin: true };
const user: TokenIdentity = { app, userId: '7', isAppAdmin: false };

describe('actingCaller (the act-as rule)', () => {
  it('lets an app-admin token act with full rights, or as user_id when given', () => {
    expect(actingCaller(admin, undefined)).toEqual({ appId: 'demo', userId: null, isAppAdmin: true });
    expect(actingCaller(admin, '42')).toEqual({ appId: 'demo', userId: '42', isAppAdmin: true });
  });

  it('lets a user token name its own user or nobody, and refuses anyone else with 401', () => {
    for (const own of [undefined, '', '7'])
      expect(actingCaller(user, own)).toEqual({ appId: 'demo', userId: '7', isAppAdmin: false });
    for (const other of ['42', '07', ['7', '7'], 7]) {
      expect(() => actingCaller(user, other)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    }
  });

  it('rejects a malformed user_id', () => {
    expect(() => actingCaller(admin, 'a b')).toThrow(expect.objectContaining({ code: 'invalid_parameter' }));
  });
});
