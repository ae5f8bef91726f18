import { natsConnectOptions } from './nats-connect-options';

describe('natsConnectOptions', () => {
  it('gives every node of a cluster, the process credentials and its own inbox, reconnecting forever', () => {
    const options = natsConnectOptions(
      { natsUrl: 'nats://n1:4222, nats://n2:4222,nats://n3:4222', natsUser: 'groups', natsPassword: 'pw' },
      'groups',
    );
    expect(options).toEqual({
      servers: ['nats://n1:4222', 'nats://n2:4222', 'nats://n3:4222'],
      name: 'groups',
      user: 'groups',
      pass: 'pw',
      inboxPrefix: '_INBOX_groups',
      maxReconnectAttempts: -1,
      waitOnFirstConnect: true,
      noAsyncTraces: true,
    });
  });

  it('takes credentials written in the URL out of it', () => {
    const options = natsConnectOptions({ natsUrl: 'nats://operator:p%40ss@127.0.0.1:4222' }, 'tool');
    expect(options).toMatchObject({
      servers: ['nats://127.0.0.1:4222'],
      user: 'operator',
      pass: 'p@ss',
      inboxPrefix: '_INBOX_operator',
    });
  });

  it('connects anonymously when no credentials are given', () => {
    expect(natsConnectOptions({ natsUrl: 'nats://127.0.0.1:4222' }, 'tool')).not.toHaveProperty('user');
  });
});
