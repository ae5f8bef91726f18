export * from './group-access';
export * from './group-access.module';
