export * from './attendance';
export * from './decision-procedure';
export * from './legal-calendar';
export * from './posting-dates';
export * from './vote-tally';
export * from './paragraph-secrecy';
