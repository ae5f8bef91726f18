export interface HealthView {
  service: string;
  status: 'ok';
  /** Which process answered (`host:pid`): with several instances, the one the queue group picked. */
  instance: string;
  uptimeSeconds: number;
}
