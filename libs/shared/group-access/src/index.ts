export * from './access-rules';
export * from './peer-fact-cache';
export * from './group-access';
export * from './group-access.module';
