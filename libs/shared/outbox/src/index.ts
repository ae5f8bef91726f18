export * from './background-sweep';
export * from './outbox-collection';
export * from './outbox';
export * from './outbox-sweeper';
export * from './outbox.module';
