export * from './keyset';
export * from './mongo.module';
export * from './mongo-errors';
export * from './page-cursor';
