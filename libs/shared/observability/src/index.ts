export * from './metric-families';
export * from './process-metrics';
export * from './db-metrics';
export * from './readiness';
export * from './nats-readiness';
export * from './ops-server';
export * from './tracing';
export * from './db-tracing';
