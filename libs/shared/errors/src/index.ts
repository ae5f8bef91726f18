export * from './database-unavailable';
export * from './domain-error';
export * from './validate';
