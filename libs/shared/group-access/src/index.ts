export * from './access-rules';
export * from './group-access';
export * from './group-access.module';
export * from './group-keyed-cache';
export * from './peer-fact-cache';
