import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ, almost always 100. */
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

export interface StackProcess {
  pid: number;
  name: string;
}

/** Field 3 onwards (after the command name); undefined once gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function nameOf(pid: number): string | undefined {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
  // The watchdog shells name the command they run in their arguments: not the process itself.
  if (/(^|\/)(ba)?sh$/.test(argv[0])) return undefined;
  const commandLine = argv.join(' ');
  const app = /dist\/apps\/([^/]+)\/src\/main\.js/.exec(commandLine)?.[1];
  if (app) return app;
  if (/nats-server/.test(commandLine)) return 'nats-server';
  if (/mongo-java-server|bin\/mongod\b/.test(commandLine)) return 'database';
  return undefined;
}

export function stackProcesses(root: number): StackProcess[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = Number(statFields(pid)?.[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)?.push(pid);
  }
  const found: StackProcess[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      const name = nameOf(child);
      if (name) found.push({ pid: child, name });
      walk(child);
    }
  };
  walk(root);
  return found;
}

export function cpuMsByName(processes: StackProcess[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { pid, name } of processes) {
    const fields = statFields(pid);
    // utime and stime are fields 14 and 15 of stat: 11 and 12 counted from field 3.
    const ticks = fields ? Number(fields[11]) + Number(fields[12]) : 0;
    totals.set(name, (totals.get(name) ?? 0) + (ticks * 1000) / TICKS_PER_SECOND);
  }
  return totals;
}
