// Mixin's own Node SDK (@mixin.dev/mixin-node-sdk), unchanged but for its base URL, driving the
// Mixin dialect of the real built stack: the app's bot creates network users, who create a group
// conversation, add and remove participants, make an admin, rotate the invite code and join by it,
// update it, mute it, make messages disappear and leave.
import { randomUUID } from 'node:crypto';

import { base64RawURLEncode, getED25519KeyPair, MixinApi } from '@mixin.dev/mixin-node-sdk';

import { HIGH_RATE_LIMIT, useGroupStack } from './group-stack.fixture';
import { demoAppWithBot } from './mixin-e2e.helpers';

/** What the SDK answers for a conversation (its types leave out what it does not read). */
interface SdkConversation {
  conversation_id: string;
  creator_id: string;
  name: string;
  announcement: string;
  code_id: string;
  mute_until: string;
  expire_in: number;
  participants: { user_id: string; role: string }[];
}

describe("Mixin's Node SDK against the gateway", () => {
  const { appsJson, bot } = demoAppWithBot();
  // The bot's keystore as the SDK takes it: its own private key seed, in hex.
  const botSeed = bot.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(16).toString('hex');
  const e2e = useGroupStack('mixin-sdk', {
    db: false,
    env: HIGH_RATE_LIMIT,
    appEnv: { gateway: { APPS_JSON: appsJson } },
  });

  /** An SDK client of `keystore`, pointed at the gateway (no retries: a failure must show). */
  const sdk = (keystore: { app_id: string; session_id: string; session_private_key: string }) =>
    MixinApi({
      keystore: { ...keystore, server_public_key: '' },
      requestConfig: { baseURL: e2e.stack.baseUrl, retry: 1, timeout: 10_000 },
    });

  /** A network user made by the bot through the SDK, and an SDK client signing as them. */
  async function networkUser(name: string) {
    const bots = sdk({ app_id: bot.userId, session_id: bot.sessionId, session_private_key: botSeed });
    const keys = getED25519KeyPair();
    const user = (await bots.user.createBareUser(name, base64RawURLEncode(keys.publicKey))) as unknown as {
      user_id: string;
      session_id: string;
    };
    return {
      id: user.user_id,
      client: sdk({
        app_id: user.user_id,
        session_id: user.session_id,
        session_private_key: keys.seed.toString('hex'),
      }),
    };
  }

  const roles = (c: SdkConversation) => Object.fromEntries(c.participants.map((p) => [p.user_id, p.role]));

  it('a whole conversation life through unchanged SDK calls', async () => {
    const [alice, bob, carol, dave] = await Promise.all(['Alice', 'Bob', 'Carol', 'Dave'].map(networkUser));
    const id = randomUUID();

    const created = (await alice.client.conversation.createGroup(id, 'SDK group', [
      { user_id: bob.id },
    ])) as unknown as SdkConversation;
    expect(created).toMatchObject({ conversation_id: id, creator_id: alice.id, name: 'SDK group' });
    expect(roles(created)).toEqual({ [alice.id]: 'OWNER', [bob.id]: '' });

    const withCarol = (await alice.client.conversation.addParticipants(id, [carol.id])) as unknown as SdkConversation;
    expect(roles(withCarol)[carol.id]).toBe('');
    const withoutCarol = (await alice.client.conversation.removeParticipants(id, [
      carol.id,
    ])) as unknown as SdkConversation;
    expect(roles(withoutCarol)[carol.id]).toBeUndefined();

    const withAdmin = (await alice.client.conversation.setAdmin(id, [bob.id])) as unknown as SdkConversation;
    expect(roles(withAdmin)[bob.id]).toBe('ADMIN');

    const rotated = (await bob.client.conversation.resetGroupCode(id)) as unknown as SdkConversation;
    expect(rotated.code_id).not.toBe(created.code_id);
    const joined = (await dave.client.conversation.joinGroup(rotated.code_id)) as unknown as SdkConversation;
    expect(roles(joined)[dave.id]).toBe('');

    const updated = (await bob.client.conversation.updateGroupInfo(id, {
      name: 'Renamed',
      announcement: 'Welcome',
    })) as unknown as SdkConversation;
    expect(updated).toMatchObject({ name: 'Renamed', announcement: 'Welcome' });

    const muted = (await dave.client.conversation.mute(id, 3600)) as unknown as SdkConversation;
    expect(Date.parse(muted.mute_until)).toBeGreaterThan(Date.now() + 3_500_000);
    const unmuted = (await dave.client.conversation.unmute(id)) as unknown as SdkConversation;
    expect(Date.parse(unmuted.mute_until)).toBe(0);

    const disappearing = (await alice.client.conversation.disappearDuration(id, 60)) as unknown as SdkConversation;
    expect(disappearing.expire_in).toBe(60);

    await dave.client.conversation.exitGroup(id);
    const fetched = (await alice.client.conversation.fetch(id)) as unknown as SdkConversation;
    expect(roles(fetched)).toEqual({ [alice.id]: 'OWNER', [bob.id]: 'ADMIN' });

    // The SDK surfaces our errors as its own: an outsider reading the conversation.
    await expect(carol.client.conversation.fetch(id)).rejects.toMatchObject({ status: 404 });
  });
});
