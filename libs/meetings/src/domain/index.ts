export * from './agenda-order';
export * from './clock-time';
export * from './group-meetings';
export * from './meeting-changes';
export * from './meeting-status';
export * from './notice-recipients';
export * from './notice-schedule';
export * from './substitute-call-in';
