// The API's answers, as the subpath export '@nalish/domain/responses': one schema per answer,
// beside the request schemas of the same feature. The server declares them on its routes (so
// they validate what it sends and OpenAPI shows them); @nalish/client and the web app import
// the types. Kept out of the main entry so the consumer pages' JavaScript does not carry them.
export * from './wire.ts';
export * from './auth/views.ts';
export * from './complaint/views.ts';
export * from './merchant/views.ts';
export * from './policy/views.ts';
export * from './regulator/views.ts';
export { FiguresSchema, type Figures } from './stats/figures.ts';
