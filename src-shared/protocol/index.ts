// The wire protocol in one import for third-party clients.
export * from './visitor';
export * from './agent';
export * from './http';
export * from './portal';
export * from './log-head';
export * from './routing-key';
