/**
 * The server's boundary: every request is checked before a handler sees it. Before
 * `initialize` a request is answered with -32002 (ServerNotInitialized), as LSP requires;
 * params of the wrong shape with -32602 (InvalidParams) and a message naming the field, so
 * no handler meets `null` where it expects a string and answers with an internal error.
 *
 * Hand-written checks rather than a schema library (zod, valibot, ajv): the shapes are a few
 * flat objects of strings, positions and ranges; ajv compiles with `new Function`, which the
 * web extension host's worker forbids, and the others would add more to the bundle than
 * these few lines.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';

/** Says what is wrong with params, or undefined when they fit. */
export type ParamsCheck = (params: unknown) => string | undefined;

type Field = (value: unknown, name: string) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export const string: Field = (v, name) => (typeof v === 'string' ? undefined : `"${name}" must be a string`);
export const optionalString: Field = (v, name) => (v === undefined || v === null || typeof v === 'string' ? undefined : `"${name}" must be a string when given`);
export const anything: Field = () => undefined;

export const position: Field = (v, name) => (isObject(v) && isCount(v.line) && isCount(v.character) ? undefined : `"${name}" must be a position { line, character }`);

export const range: Field = (v, name) => (isObject(v) ? (position(v.start, `${name}.start`) ?? position(v.end, `${name}.end`)) : `"${name}" must be a range { start, end }`);

export const textDocument: Field = (v, name) => (isObject(v) && typeof v.uri === 'string' ? undefined : `"${name}" must be { uri: string }`);

export const codeActionContext: Field = (v, name) =>
  isObject(v) && Array.isArray(v.diagnostics) && (v.only === undefined || (Array.isArray(v.only) && v.only.every((k) => typeof k === 'string')))
    ? undefined
    : `"${name}" must be { diagnostics: [], only?: string[] }`;

/** Params that are an object with these fields. */
export function shape(fields: Record<string, Field>): ParamsCheck {
  return (params) => {
    if (!isObject(params)) return 'params must be an object';
    for (const [name, field] of Object.entries(fields)) {
      const problem = field(params[name], name);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** No params (or any: they are ignored). */
export const noParams: ParamsCheck = () => undefined;

export class RequestGuard {
  private initialized = false;

  /** `initialize` arrived: requests are answered from now on. */
  initialize(): void {
    this.initialized = true;
  }

  /** A handler that answers -32002 before initialize and -32602 when the params do not fit. */
  request<P, R, T extends unknown[]>(method: string, check: ParamsCheck, handler: (params: P, ...rest: T) => R): (params: P, ...rest: T) => R {
    return (params, ...rest) => {
      if (!this.initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized yet`);
      const problem = check(params);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
      return handler(params, ...rest);
    };
  }
}
