import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';

import { currentRequestId } from './request-context';

const PINO_LEVEL: Record<LogLevel, pino.Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** Nest's start-up chatter (a line per module, route and pattern) goes to debug. */
const NEST_STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestMicroservice',
  'NestApplication',
]);

export type LifecycleEvent = 'ready' | 'stopping';

export function isReadyLine(line: string): boolean {
  return line.startsWith('{') && line.includes('"lifecycle":"ready"');
}

/** Hot paths ask before building a debug line. */
let processLevel: LogLevelName = 'info';

export function isDebugLogged(): boolean {
  return processLevel === 'debug';
}

type LineFields = () => Record<string, unknown>;
let extraFields: LineFields | null = null;

export function addLogFields(fields: LineFields | null): void {
  extraFields = fields;
}

function pinoFor(service: string, level: pino.LevelWithSilent): Pino {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = currentRequestId();
        const extra = extraFields?.();
        return extra ? { requestId, ...extra } : { requestId };
      },
    },
    // Not a file descriptor of its own: ordered with anything else written to stdout.
    process.stdout,
  );
}

export class JsonLogger implements LoggerService {
  private readonly lines: Pino;
  private readonly milestones: Pino;

  constructor(service: string, level: LogLevelName = 'info') {
    this.lines = pinoFor(service, level);
    this.milestones = pinoFor(service, 'info');
  }

  setLevel(level: LogLevelName): void {
    this.lines.level = level;
    processLevel = level;
  }

  /** Written whatever the configured level: the runners and operators wait for it. */
  lifecycle(event: LifecycleEvent, message: string, context: string): void {
    this.milestones.info({ context, lifecycle: event }, message);
  }

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    this.write(typeof context === 'string' && NEST_STARTUP_CONTEXTS.has(context) ? 'debug' : 'log', message, rest);
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

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    const pinoLevel = PINO_LEVEL[level];
    if (!this.lines.isLevelEnabled(pinoLevel)) return;
    // Nest passes the context as the last string argument, and a stack before it for errors.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) {
      this.lines[pinoLevel]({ context, stack: message.stack }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.lines[pinoLevel]({ context, ...(stack ? { stack } : {}), ...message });
    } else {
      this.lines[pinoLevel]({ context, ...(stack ? { stack } : {}) }, String(message));
    }
  }
}
