export * from './env-schemas';
export * from './config.module';
export * from './secrets';
