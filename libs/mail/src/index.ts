export * from './mail-views';
export * from './notice-mail';
export * from './substitute-mail';
export * from './message-id';
export * from './mail-transport';
export * from './minutes-mail';
export * from './calendar-lines';
