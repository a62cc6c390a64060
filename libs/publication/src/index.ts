export * from './publication.module';
export * from './public-urls';
export * from './public-resource';
export * from './files';
