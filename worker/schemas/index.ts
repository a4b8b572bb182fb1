/**
 * zod schemas shared by the routes, the forms and the OpenAPI document:
 * - fields.ts: field schemas, each rule once (enums from worker/lib/enums.ts and status.ts)
 * - requests.ts: request bodies the API and the HTML forms share
 * - responses.ts: response schemas, checked against the d1 types at compile time
 * - articles.ts: the article ingest and match API
 */
export * from './articles';
export * from './fields';
export * from './requests';
export * from './responses';
