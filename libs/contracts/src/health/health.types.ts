export interface HealthView {
  service: string;
  /** `ok` when the answering process is ready (NATS, its database, its consumers, its indexes). */
  status: 'ok' | 'not-ready';
  checks: Record<string, string>;
  /** Which process answered (`host:pid`): with several instances, the one the queue group picked. */
  instance: string;
  uptimeSeconds: number;
}
