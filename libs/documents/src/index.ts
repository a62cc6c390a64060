export * from './view-models';
export * from './officer-report.renderer';
export * from './text-document.renderer';
export * from './swedish-dates';
export * from './meeting-notice.renderer';
export * from './indicator-chart';
export * from './goal-reports.renderer';
