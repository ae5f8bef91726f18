export * from './background-sweep';
export * from './outbox';
export * from './outbox.module';
export * from './outbox-collection';
export * from './outbox-sweeper';
export * from './written';
