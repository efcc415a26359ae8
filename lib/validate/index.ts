export * from './finding';
export * from './code-info';
export * from './codes';
export * from './engine';
export * from './yaml-documents';
export * from './yaml-stream';
export * from './options';
