/**
 * Bundle-time stand-in for two zod modules ClaimDesk never calls: `z.compile` (a JIT for
 * platforms that allow `new Function`, which Workers do not) and `z.fromJSONSchema`. wrangler.jsonc
 * `alias` maps zod's own `./compile.js` and `./from-json-schema.js` imports here; calling either in
 * the deployed Worker throws instead of silently doing something else.
 */
function notInThisBuild(name: string): never {
  throw new Error(`zod ${name} is not included in the ClaimDesk Worker bundle`);
}
export const INVALID = Symbol.for('zod.compile.invalid');
export class ZodCompileAsyncError extends Error {}
export class ZodCompileUnsupportedError extends Error {}
export function compile(): never {
  return notInThisBuild('compile()');
}
export function withParser(): never {
  return notInThisBuild('withParser()');
}
export function compileFn(): never {
  return notInThisBuild('compileFn()');
}
export function fromJSONSchema(): never {
  return notInThisBuild('fromJSONSchema()');
}
