export interface HealthView {
  service: string;
  status: 'ok';
  uptimeSeconds: number;
}
