import { addLogFields, isReadyLine, JsonLogger } from './json-logger';
import { runWithRequestId } from './request-context';

describe('JsonLogger', () => {
  let lines: Record<string, unknown>[];
  let raw: string[];

  beforeEach(() => {
    lines = [];
    raw = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      raw.push(String(chunk).trimEnd());
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('writes lifecycle lines whatever the level, recognisably', () => {
    const logger = new JsonLogger('groups', 'error');
    logger.log('not shown', 'Somewhere');
    logger.lifecycle('ready', 'groups listening on NATS', 'Bootstrap');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'groups',
        context: 'Bootstrap',
        lifecycle: 'ready',
        msg: 'groups listening on NATS',
      }),
    ]);
    expect(raw.map(isReadyLine)).toEqual([true]);
  });

  it("keeps Nest's module-loading chatter at debug", () => {
    const info = new JsonLogger('groups', 'info');
    info.log('GroupsModule dependencies initialized', 'InstanceLoader');
    info.log('something of ours', 'GroupsService');
    expect(lines.map((line) => line.msg)).toEqual(['something of ours']);

    new JsonLogger('groups', 'debug').log('GroupsModule dependencies initialized', 'InstanceLoader');
    expect(lines[1]).toMatchObject({ level: 'debug', context: 'InstanceLoader' });
  });

  it('does not take an ordinary line for a ready line', () => {
    new JsonLogger('groups', 'info').log('the word "lifecycle":"ready" in a message', 'Somewhere');
    expect(raw.map(isReadyLine)).toEqual([false]);
  });

  it("writes the same fields as ever: time, level, service, context, request id, msg, an error's stack", () => {
    const logger = new JsonLogger('groups', 'info');
    runWithRequestId('req-1', () => logger.warn({ msg: 'slow', ms: 12 }, 'GroupsService'));
    logger.error(new Error('boom'), 'GroupsService');
    logger.error('failed', 'Error: x\n    at y', 'RpcFilter');
    expect(lines).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        level: 'warn',
        service: 'groups',
        context: 'GroupsService',
        requestId: 'req-1',
        msg: 'slow',
        ms: 12,
      },
      {
        time: expect.any(String),
        level: 'error',
        service: 'groups',
        context: 'GroupsService',
        msg: 'boom',
        stack: expect.stringContaining('Error: boom'),
      },
      {
        time: expect.any(String),
        level: 'error',
        service: 'groups',
        context: 'RpcFilter',
        msg: 'failed',
        stack: 'Error: x\n    at y',
      },
    ]);
  });

  it('adds the fields registered by addLogFields (the trace id, when tracing is on)', () => {
    addLogFields(() => ({ traceId: 'abc' }));
    try {
      new JsonLogger('groups', 'info').log('traced', 'Somewhere');
    } finally {
      addLogFields(null);
    }
    expect(lines[0]).toMatchObject({ msg: 'traced', traceId: 'abc' });
  });
});
