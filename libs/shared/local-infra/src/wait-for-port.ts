import { type ManagedProcess } from './managed-process';
import { canConnect } from './ports';

export async function waitForPort(
  process: ManagedProcess,
  port: number,
  options: { host?: string; timeoutMs?: number } = {},
): Promise<void> {
  const host = options.host ?? '127.0.0.1';
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (Date.now() < deadline) {
    if (process.hasExited()) {
      throw new Error(`${process.name} exited before listening on ${host}:${port}:\n${process.tail()}`);
    }
    if (await canConnect(port, host)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${process.name} did not listen on ${host}:${port} in time:\n${process.tail()}`);
}
