export * from './bootstrap-service';
export * from './health.controller';
export * from './numeric-id';
export * from './service-module';
export * from './service-ops';
