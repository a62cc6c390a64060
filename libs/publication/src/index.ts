export * from './publication.module';
export * from './public-urls';
export * from './public-resource';
export * from './publication-cache.module';
export * from './publication-changes';
export * from './files';
