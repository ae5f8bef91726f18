export * from './numeric-id';
export * from './health.controller';
export * from './bootstrap-service';
export * from './service-module';
export * from './service-ops';
