export * from './domain-error';
export * from './validate';
