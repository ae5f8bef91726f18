export * from './db-metrics';
export * from './db-tracing';
export * from './metric-families';
export * from './nats-readiness';
export * from './ops-server';
export * from './process-metrics';
export * from './readiness';
export * from './tracing';
