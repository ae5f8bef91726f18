export * from './domain-error';
export * from './validate';
export * from './database-unavailable';
