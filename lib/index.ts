export * from './core/errors';
