export * from './evaluation';
export * from './inheritance';
