export * from './public-files.service';
export * from './public-files.controller';
