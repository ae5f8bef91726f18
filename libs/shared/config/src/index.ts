export * from './config.module';
export * from './env-schemas';
export * from './secrets';
