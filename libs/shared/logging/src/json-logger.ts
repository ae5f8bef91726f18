import type { LoggerService, LogLevel } from '@nestjs/common';
import { currentRequestId } from './request-context';

const LEVEL_ORDER: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];
const LEVEL_NAME: Record<LogLevel, string> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** Nest's own start-up chatter (a line per module, route and pattern): debug, not info. */
const NEST_STARTUP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestMicroservice', 'NestApplication']);

/** A process's start and stop milestones, written whatever the level (runners wait for `ready`). */
export type LifecycleEvent = 'ready' | 'stopping';

/** True for the JSON log line a process writes once it serves (see JsonLogger.lifecycle). */
export function isReadyLine(line: string): boolean {
  return line.startsWith('{') && line.includes('"lifecycle":"ready"');
}
const MIN_LEVEL: Record<LogLevelName, LogLevel> = { debug: 'debug', info: 'log', warn: 'warn', error: 'error' };

/** The process's level (its JsonLogger sets it): hot paths ask before building a debug line. */
let processMinIndex = LEVEL_ORDER.indexOf('log');

/** True when debug lines are written in this process. */
export function isDebugLogged(): boolean {
  return processMinIndex <= LEVEL_ORDER.indexOf('debug');
}

/** One JSON object per line on stdout, with the service name and the current request id. */
export class JsonLogger implements LoggerService {
  private minIndex: number;

  constructor(
    private readonly service: string,
    level: LogLevelName = 'info',
  ) {
    this.minIndex = LEVEL_ORDER.indexOf(MIN_LEVEL[level]);
  }

  setLevel(level: LogLevelName): void {
    this.minIndex = LEVEL_ORDER.indexOf(MIN_LEVEL[level]);
    processMinIndex = this.minIndex;
  }

  /**
   * A start or stop line: written at info whatever the configured level, because the runners
   * (dev runner, test stack) and operators wait for it.
   */
  lifecycle(event: LifecycleEvent, message: string, context: string): void {
    this.write('log', { lifecycle: event, msg: message }, [context], true);
  }

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && NEST_STARTUP_CONTEXTS.has(context)) {
      this.write('debug', message, rest);
      return;
    }
    this.write('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[], always = false): void {
    if (!always && LEVEL_ORDER.indexOf(level) < this.minIndex) return;
    // Nest passes the context as the last string argument, and a stack before it for errors.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const line: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: LEVEL_NAME[level],
      service: this.service,
      context,
      requestId: currentRequestId(),
    };
    if (message instanceof Error) {
      line.msg = message.message;
      line.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line.msg = String(message);
    }
    if (rest.length > 0 && typeof rest[0] === 'string' && level === 'error') line.stack = rest[0];
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
