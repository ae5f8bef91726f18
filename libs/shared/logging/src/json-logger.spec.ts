import { isReadyLine, JsonLogger } from './json-logger';

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
      expect.objectContaining({ level: 'info', service: 'groups', context: 'Bootstrap', lifecycle: 'ready', msg: 'groups listening on NATS' }),
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
});
