import type { GroupFacts, UserFacts } from '../standings/facts';
import { decideSend } from './send-decision.policy';

const NOW = 1_700_000_000_000;
const at = NOW - 1000;
const group = (muteAll: number | null = null, life = true): GroupFacts => ({
  life: { value: life, at },
  muteAll: { value: muteAll, at },
});
const user = (facts: {
  role?: 'owner' | 'admin' | 'member' | null;
  mute?: number;
  block?: boolean;
  allow?: boolean;
}): UserFacts => Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, { value, at }])) as UserFacts;

describe('decideSend: the six rules, in order', () => {
  it('1. a group never created or destroyed: group_not_found (whatever the user)', () => {
    expect(decideSend({}, user({ role: 'owner' }), NOW)).toMatchObject({
      allowed: false,
      reason: 'group_not_found',
      until: 0,
      priority: false,
    });
    expect(decideSend(group(null, false), user({ role: 'member' }), NOW).reason).toBe('group_not_found');
  });

  it('2. blocked, before anything else about the user', () => {
    expect(decideSend(group(), user({ role: 'member', block: true, allow: true }), NOW)).toMatchObject({
      allowed: false,
      reason: 'blocked',
      until: 0,
      priority: false,
    });
    expect(decideSend(group(), user({ role: null, block: true }), NOW).reason).toBe('blocked');
  });

  it('3. not a member (never joined, or left): not_member, even when a mute or the allowlist remains', () => {
    expect(decideSend(group(), {}, NOW).reason).toBe('not_member');
    expect(decideSend(group(), user({ role: null, mute: -1, allow: true }), NOW).reason).toBe('not_member');
  });

  it('4. an individual mute in force: muted with its end, even for the allowlisted and for admins; an ended one does not count', () => {
    expect(decideSend(group(), user({ role: 'member', mute: NOW + 5000, allow: true }), NOW)).toMatchObject({
      allowed: false,
      reason: 'muted',
      until: NOW + 5000,
      priority: false,
    });
    expect(decideSend(group(), user({ role: 'admin', mute: -1 }), NOW)).toMatchObject({
      allowed: false,
      reason: 'muted',
      until: -1,
      priority: false,
    });
    expect(decideSend(group(), user({ role: 'member', mute: NOW }), NOW).reason).toBe('ok');
    expect(decideSend(group(), user({ role: 'member', mute: 0 }), NOW).reason).toBe('ok');
  });

  it('5. mute-all in force: members are muted_all until it ends; the owner, admins and the allowlisted are not', () => {
    expect(decideSend(group(NOW + 60_000), user({ role: 'member' }), NOW)).toMatchObject({
      allowed: false,
      reason: 'muted_all',
      until: NOW + 60_000,
      priority: false,
    });
    expect(decideSend(group(-1), user({ role: 'member' }), NOW)).toMatchObject({
      allowed: false,
      reason: 'muted_all',
      until: -1,
      priority: false,
    });
    expect(decideSend(group(-1), user({ role: 'owner' }), NOW).allowed).toBe(true);
    expect(decideSend(group(-1), user({ role: 'admin' }), NOW).allowed).toBe(true);
    expect(decideSend(group(-1), user({ role: 'member', allow: true }), NOW)).toMatchObject({
      allowed: true,
      reason: 'ok',
      until: 0,
      priority: true,
    });
    expect(decideSend(group(NOW - 1), user({ role: 'member' }), NOW).reason).toBe('ok');
  });

  it('6. otherwise allowed; priority only for the allowlisted', () => {
    expect(decideSend(group(), user({ role: 'member' }), NOW)).toMatchObject({
      allowed: true,
      reason: 'ok',
      until: 0,
      priority: false,
    });
    expect(decideSend(group(), user({ role: 'member', allow: true }), NOW)).toMatchObject({
      allowed: true,
      reason: 'ok',
      until: 0,
      priority: true,
    });
  });
});
