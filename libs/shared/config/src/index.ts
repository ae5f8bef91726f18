export * from './env-schemas';
export * from './config.module';
