import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';

const TAIL_LINES = 60;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** The watchdog terminates the child even when we are SIGKILLed (a force-exited jest worker), which no handler catches. */
const WATCHDOG = `
parent=$1; shift
"$@" & child=$!
stop_child() {
  kill -TERM $child 2>/dev/null
  for _ in $(seq 1 100); do kill -0 $child 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL $child 2>/dev/null
}
trap 'kill -KILL $child 2>/dev/null' USR1
trap 'stop_child; wait $child; exit $?' TERM INT
while kill -0 "$parent" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1 & wait $!; done
kill -0 $child 2>/dev/null && stop_child
wait $child
`;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of live) {
      try {
        child.kill('SIGTERM');
      } catch {
        /* already gone */
      }
    }
  });
}

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  logFile?: string;
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Its own process group: a terminal's Ctrl-C reaches only us, and we stop children in order. */
  detached?: boolean;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  readonly exited: Promise<number | string>;
  hasExited(): boolean;
  tail(): string;
  stop(graceMs?: number): Promise<void>;
  /** To the real process, not its watchdog (found through /proc: Linux only). */
  signal(signal: NodeJS.Signals): void;
}

function watchedPid(watchdogPid: number): number {
  const children = readFileSync(`/proc/${watchdogPid}/task/${watchdogPid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const pid = children.find((candidate) => {
    try {
      return readFileSync(`/proc/${candidate}/comm`, 'utf8').trim() !== 'sleep';
    } catch {
      return false; // gone meanwhile
    }
  });
  if (pid === undefined) throw new Error(`no watched process under watchdog ${watchdogPid}`);
  return pid;
}

export function startManagedProcess(options: ManagedProcessOptions): ManagedProcess {
  installExitHook();
  let log: WriteStream | undefined;
  if (options.logFile) {
    mkdirSync(dirname(options.logFile), { recursive: true });
    log = createWriteStream(options.logFile, { flags: 'a' });
    log.write(`\n=== ${new Date().toISOString()} ${options.command} ${options.args.join(' ')}\n`);
  }
  const child = spawn('bash', ['-c', WATCHDOG, 'watchdog', String(process.pid), options.command, ...options.args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
  live.add(child);
  const lines: string[] = [];
  let exited = false;

  const attach = (stream: NodeJS.ReadableStream, kind: 'stdout' | 'stderr') => {
    let partial = '';
    stream.on('data', (chunk: Buffer) => {
      log?.write(chunk);
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > TAIL_LINES) lines.shift();
        options.onLine?.(line, kind);
      }
    });
    stream.on('end', () => {
      if (partial) {
        lines.push(partial);
        options.onLine?.(partial, kind);
      }
    });
  };
  attach(child.stdout!, 'stdout');
  attach(child.stderr!, 'stderr');

  const exitedPromise = new Promise<number | string>((resolvePromise) => {
    child.on('error', (error) => {
      lines.push(`[spawn error] ${error.message}`);
      exited = true;
      live.delete(child);
      resolvePromise('spawn-error');
    });
    child.on('exit', (code, signal) => {
      exited = true;
      live.delete(child);
      log?.end(`=== exited with ${signal ?? code}\n`);
      resolvePromise(signal ?? code ?? -1);
    });
  });

  return {
    name: options.name,
    pid: child.pid,
    exited: exitedPromise,
    hasExited: () => exited,
    tail: () => lines.join('\n'),
    async stop(graceMs = 10_000) {
      if (exited) return;
      child.kill('SIGTERM');
      const escalate = setTimeout(() => child.kill('SIGUSR1'), graceMs); // watchdog: SIGKILL the process
      const lastResort = setTimeout(() => child.kill('SIGKILL'), graceMs + 5_000);
      await exitedPromise;
      clearTimeout(escalate);
      clearTimeout(lastResort);
    },
    signal(signal) {
      if (exited || child.pid === undefined) throw new Error(`${options.name} is not running`);
      process.kill(watchedPid(child.pid), signal);
    },
  };
}
