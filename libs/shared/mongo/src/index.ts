export * from './mongo.module';
export * from './mongo-errors';
export * from './keyset';
export * from './page-cursor';
