/**
 * The one validator of HTML forms (desk and public): hono's `validator('form')` with a zod object
 * schema built from the same field schemas as the JSON API (worker/schemas/). Form strings are
 * coerced by what each field's schema expects, so API schemas work on forms as they are:
 *
 * - a blank field (empty or only spaces) is absent: `null` where the field accepts null, else undefined
 * - number fields get numbers; boolean fields read checkboxes and 1/0 (unticked = false when required)
 * - array fields get every value of a repeated field (`ids=a&ids=b`, `ids[]=…`); other fields the last one
 * - fields not in the schema (`_csrf`, files) are left out
 *
 * A refused form goes to the route's `onInvalid(c, errors, values)`, which renders the page again
 * with the errors per field and what the person typed. A body that cannot be parsed as a form, or
 * that is not valid UTF-8, is a 400 (rendered by the surface's error handler). Handlers read `c.req.valid('form')`.
 */
import type { Context, MiddlewareHandler, Next } from 'hono';
import { validator } from 'hono/validator';
import type { z } from 'zod';
import type { AppEnv } from '../env';
import { refuseMalformedBody } from './well-formed-body';

/**
 * Message codes per field of a refused form ('required', 'too_short:3', 'too_long:75', 'url',
 * 'email', 'choice', 'format', 'number', or a schema's own code such as 'password_common');
 * '' holds errors of the form as a whole. Each surface turns codes into words in its language.
 */
export type FormErrors = Record<string, string[]>;
/** What the person typed, per field (the last value of a repeated field). */
export type FormValues = Record<string, string>;

export type OnInvalid<P extends string> = (
  c: Context<AppEnv, P>,
  errors: FormErrors,
  values: FormValues,
) => Response | Promise<Response>;

type Sent = Record<string, string | File | (string | File)[]>;
type Kind = 'array' | 'number' | 'boolean' | 'text';

/** The type a field's schema expects underneath optional / nullable / default / catch / pipe. */
function kindOf(schema: z.ZodType): Kind {
  let def = schema.def as unknown as { type: string; innerType?: z.ZodType; in?: z.ZodType };
  for (;;) {
    const inner = def.type === 'pipe' ? def.in : def.innerType;
    if (!inner) break;
    def = inner.def as unknown as typeof def;
  }
  return def.type === 'array' || def.type === 'number' || def.type === 'boolean'
    ? def.type
    : 'text';
}

const TRUE = new Set(['1', 'on', 'true', 'yes']);
const FALSE = new Set(['0', 'off', 'false', 'no']);

function coerce(schema: z.ZodType, sent: (string | File)[]): unknown {
  const strings = sent.filter((v): v is string => typeof v === 'string');
  const kind = kindOf(schema);
  if (kind === 'array') return strings;
  const last = strings.at(-1);
  if (last === undefined || last.trim() === '') {
    if (kind === 'boolean' && !schema.safeParse(undefined).success) return false;
    return schema.safeParse(null).success ? null : undefined;
  }
  if (kind === 'number') return Number(last.trim());
  if (kind === 'boolean')
    return TRUE.has(last.trim()) ? true : FALSE.has(last.trim()) ? false : last;
  return last;
}

/** A schema's own message that is already a code ('too_long:1000', 'password_common'). */
const CODE = /^[a-z_]+(?::\d+)?$/;

/** The stable code of one zod issue (its English message is for the JSON API, not for forms). */
export function issueCode(issue: z.core.$ZodIssue): string {
  if (CODE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'required' : `too_short:${min}`;
      return issue.origin === 'array' && min <= 1 ? 'required' : `too_small:${min}`;
    }
    case 'too_big':
      return issue.origin === 'string'
        ? `too_long:${Number(issue.maximum)}`
        : `too_big:${Number(issue.maximum)}`;
    case 'invalid_format':
      return issue.format === 'url' || issue.format === 'email' ? issue.format : 'format';
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'required';
      return issue.expected === 'number' ? 'number' : 'format';
    case 'invalid_value':
      return 'choice';
    default:
      return 'format';
  }
}

/** The codes of a zod failure, per top-level field. */
function formErrors(error: z.ZodError): FormErrors {
  const out: FormErrors = {};
  for (const issue of error.issues)
    (out[String(issue.path[0] ?? '')] ??= []).push(issueCode(issue));
  return out;
}

/** What was typed into the fields a page shows again ('' for a field not sent). */
export function typedValues<K extends string>(
  values: FormValues,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, values[k] ?? ''])) as Record<K, string>;
}

/** `formValidator(Schema, onInvalid)`: validate a form body, or answer with onInvalid. */
export function formValidator<S extends z.ZodObject, P extends string = string>(
  schema: S,
  onInvalid: OnInvalid<P>,
): MiddlewareHandler<
  AppEnv,
  P,
  { in: { form: Record<string, string | string[]> }; out: { form: z.output<S> } }
> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const check = validator('form', async (sent: Sent, c: Context<AppEnv, P>) => {
    // No prototype: a field named `__proto__` or `constructor` is a field like any other.
    const lists: Record<string, (string | File)[]> = Object.create(null);
    for (const [key, value] of Object.entries(sent))
      (lists[key.replace(/\[\]$/, '')] ??= []).push(...(Array.isArray(value) ? value : [value]));
    const values: FormValues = Object.create(null);
    for (const [key, list] of Object.entries(lists)) {
      const last = list.filter((v): v is string => typeof v === 'string').at(-1);
      if (last !== undefined) values[key] = last;
    }
    const input = Object.fromEntries(
      Object.entries(shape).map(([key, field]) => [key, coerce(field, lists[key] ?? [])]),
    );
    const parsed = await schema.safeParseAsync(input);
    return parsed.success
      ? (parsed.data as z.output<S>)
      : onInvalid(c, formErrors(parsed.error), values);
  });
  const validate = async function formValidatorMiddleware(c: Context<AppEnv, P>, next: Next) {
    await refuseMalformedBody(c as Context<AppEnv>);
    return (await check(c, next)) as Response | void;
  };
  return validate as unknown as MiddlewareHandler<
    AppEnv,
    P,
    { in: { form: Record<string, string | string[]> }; out: { form: z.output<S> } }
  >;
}
