import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 *   node dist/tools/bench/cpu-profile-top.js <file.cpuprofile | folder> [frames per profile, default 10]
 * A folder's processes.json ({ pid: name }) names its profiles; its window.json ({ startUs, endUs })
 * keeps only the samples taken under the measured load.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface TopFrame {
  frame: string;
  selfMs: number;
  /** Of the busy time (everything but idle). */
  share: number;
}

function shortUrl(url: string): string {
  const inPackage = /node_modules\/(.*)$/.exec(url);
  if (inPackage) return inPackage[1];
  const inDist = /\/dist\/(.*)$/.exec(url);
  if (inDist) return inDist[1];
  return url.replace(/^file:\/\//, '');
}

function ownerOf(frame: string): string {
  const where = frame.split('  ')[1];
  if (!where) return frame.startsWith('(') ? frame : '(native)';
  if (where.startsWith('node:')) return 'node';
  const parts = where.split('/');
  if (parts[0] === 'apps' || parts[0] === 'libs')
    return parts.slice(0, parts[0] === 'libs' && parts[1] === 'shared' ? 3 : 2).join('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function frameName({ functionName, url, lineNumber }: CallFrame): string {
  const name = functionName || '(anonymous)';
  return url ? `${name}  ${shortUrl(url)}:${lineNumber + 1}` : name;
}

/** In the profiles' clock (CLOCK_MONOTONIC µs). */
interface Window {
  startUs: number;
  endUs: number;
}

/** A sample's time is the delta to the next sample. */
function topFrames(
  profile: CpuProfile,
  count: number,
  window?: Window,
): { busyMs: number; totalMs: number; frames: TopFrame[]; owners: string[] } {
  const nameById = new Map(profile.nodes.map((node) => [node.id, frameName(node.callFrame)]));
  const selfUs = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i];
    if (window && (at < window.startUs || at > window.endUs)) continue;
    const name = nameById.get(profile.samples[i]) ?? '(unknown)';
    selfUs.set(name, (selfUs.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  const totalUs = [...selfUs.values()].reduce((sum, us) => sum + us, 0);
  const busyUs = totalUs - (selfUs.get('(idle)') ?? 0);
  const byOwner = new Map<string, number>();
  for (const [name, us] of selfUs)
    if (name !== '(idle)') byOwner.set(ownerOf(name), (byOwner.get(ownerOf(name)) ?? 0) + us);
  const owners = [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([owner, us]) => `${owner} ${busyUs ? ((us / busyUs) * 100).toFixed(0) : 0}%`);
  const frames = [...selfUs]
    .filter(([name]) => name !== '(idle)')
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, us]) => ({ frame, selfMs: us / 1000, share: busyUs ? us / busyUs : 0 }));
  return { busyMs: busyUs / 1000, totalMs: totalUs / 1000, frames, owners };
}

function readJson<T>(folder: string, name: string): T | undefined {
  const file = join(folder, name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

function profileTitle(file: string, names: Record<string, string>): string {
  const pid = basename(file).split('.')[3];
  return names[pid] ? `${names[pid]} (pid ${pid})` : basename(file);
}

function main(): void {
  const [target, countArg] = process.argv.slice(2);
  if (!target) throw new Error('usage: cpu-profile-top <file.cpuprofile | folder> [frames]');
  const count = Number(countArg ?? 10);
  const isFolder = statSync(target).isDirectory();
  const names = (isFolder && readJson<Record<string, string>>(target, 'processes.json')) || {};
  const window = isFolder ? readJson<Window>(target, 'window.json') : undefined;
  if (window)
    process.stdout.write(
      `samples of the measured load only: ${((window.endUs - window.startUs) / 1e6).toFixed(1)} s\n`,
    );
  const files = isFolder
    ? readdirSync(target)
        .filter((file) => file.endsWith('.cpuprofile'))
        .map((file) => join(target, file))
    : [target];
  // With processes.json, only the stack's processes (not the runner's own profile).
  const known = (file: string) => !Object.keys(names).length || basename(file).split('.')[3] in names;
  const titled = files
    .filter(known)
    .map((file) => ({ file, title: profileTitle(file, names) }))
    .sort((a, b) => a.title.localeCompare(b.title));
  for (const { file, title } of titled) {
    const { busyMs, totalMs, frames, owners } = topFrames(
      JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
      count,
      window,
    );
    process.stdout.write(
      `\n${title}: busy ${busyMs.toFixed(0)} ms of ${totalMs.toFixed(0)} ms sampled; top ${frames.length} frames by self time\n`,
    );
    process.stdout.write(`  self time by owner: ${owners.join(', ')}\n`);
    for (const { frame, selfMs, share } of frames) {
      process.stdout.write(
        `  ${selfMs.toFixed(1).padStart(9)} ms ${(share * 100).toFixed(1).padStart(5)}%  ${frame}\n`,
      );
    }
  }
}

main();
