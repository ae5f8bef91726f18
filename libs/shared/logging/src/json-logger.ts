import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type Logger as Pino } from 'pino';

import { currentRequestId } from './request-context';

/** Nest's levels as pino's (Nest's `log` is info, `verbose` is trace). */
const PINO_LEVEL: Record<LogLevel, pino.Level> = {
  verbose: 'trace',
  debug: 'debug',
  log: 'info',
  warn: 'warn',
  error: 'error',
  fatal: 'fatal',
};

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

/** Nest's own start-up chatter (a line per module, route and pattern): debug, not info. */
const NEST_STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestMicroservice',
  'NestApplication',
]);

/** A process's start and stop milestones, written whatever the level (runners wait for `ready`). */
export type LifecycleEvent = 'ready' | 'stopping';

/** True for the JSON log line a process writes once it serves (see JsonLogger.lifecycle). */
export function isReadyLine(line: string): boolean {
  return line.startsWith('{') && line.includes('"lifecycle":"ready"');
}

/** The process's level (its JsonLogger sets it): hot paths ask before building a debug line. */
let processLevel: LogLevelName = 'info';

/** True when debug lines are written in this process. */
export function isDebugLogged(): boolean {
  return processLevel === 'debug';
}

/** Extra fields of every line (the trace id, once tracing is on): registered by the tracing setup. */
type LineFields = () => Record<string, unknown>;
let extraFields: LineFields | null = null;

/** Adds fields to every log line of the process (e.g. `traceId`); null removes them. */
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
      // Every line carries the request id of the request being handled (and what addLogFields adds).
      mixin: () => {
        const requestId = currentRequestId();
        const extra = extraFields?.();
        return extra ? { requestId, ...extra } : { requestId };
      },
    },
    // Through process.stdout (not a file descriptor of its own): ordered with anything else written there.
    process.stdout,
  );
}

/**
 * Nest's logger, writing one JSON object per line on stdout through pino: time, level, service,
 * context, the current request id, the message (`msg`) and, for errors, the stack.
 */
export class JsonLogger implements LoggerService {
  private readonly lines: Pino;
  /** Lifecycle lines: written at info whatever the configured level. */
  private readonly milestones: Pino;

  constructor(service: string, level: LogLevelName = 'info') {
    this.lines = pinoFor(service, level);
    this.milestones = pinoFor(service, 'info');
  }

  setLevel(level: LogLevelName): void {
    this.lines.level = level;
    processLevel = level;
  }

  /**
   * A start or stop line: written at info whatever the configured level, because the runners
   * (dev runner, test stack) and operators wait for it.
   */
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
