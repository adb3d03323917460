// What the client sends, checked where it arrives: a request with malformed params is
// answered with InvalidParams and a message naming the field, and a malformed document
// notification is dropped (and logged) so that the server's copy of the draft stays as it was.
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const shown = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
};

/** "position.line must be a whole number of 0 or more, not 1.5", or "… is missing (…)". */
const want = (name: string, what: string, value: unknown): string => (value === undefined ? `${name} is missing (it must be ${what})` : `${name} must be ${what}, not ${shown(value)}`);

/** Why `value` is not an LSP position (named `name`), or undefined when it is one. */
function positionProblem(value: unknown, name: string): string | undefined {
  if (!isObject(value)) return want(name, 'a position { line, character }', value);
  for (const field of ['line', 'character'] as const) if (!isCount(value[field])) return want(`${name}.${field}`, 'a whole number of 0 or more', value[field]);
  return undefined;
}

function rangeProblem(value: unknown, name: string): string | undefined {
  if (!isObject(value)) return want(name, 'a range { start, end }', value);
  return positionProblem(value.start, `${name}.start`) ?? positionProblem(value.end, `${name}.end`);
}

function uriProblem(value: unknown, name: string): string | undefined {
  return typeof value === 'string' && value.length > 0 ? undefined : want(name, 'a URI string', value);
}

function documentProblem(params: unknown): string | undefined {
  if (!isObject(params)) return want('params', 'an object', params);
  if (!isObject(params.textDocument)) return want('textDocument', 'an object { uri }', params.textDocument);
  return uriProblem(params.textDocument.uri, 'textDocument.uri');
}

/** The parts of a request's params a handler reads, each checked. */
export type ParamsShape = {
  textDocument?: true;
  position?: true;
  range?: true;
  strings?: string[];
  optionalStrings?: string[];
  arrays?: string[];
};

/** Throws InvalidParams, naming the method and the field, unless `params` has the shape. */
export function requireParams(method: string, params: unknown, shape: ParamsShape): void {
  const problem = paramsProblem(params, shape);
  if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `Invalid params for ${method}: ${problem}.`);
}

function paramsProblem(params: unknown, shape: ParamsShape): string | undefined {
  if (!isObject(params)) return want('params', 'an object', params);
  if (shape.textDocument) {
    const problem = documentProblem(params);
    if (problem) return problem;
  }
  if (shape.position) {
    const problem = positionProblem(params.position, 'position');
    if (problem) return problem;
  }
  if (shape.range) {
    const problem = rangeProblem(params.range, 'range');
    if (problem) return problem;
  }
  for (const name of shape.strings ?? []) if (typeof params[name] !== 'string') return want(name, 'a string', params[name]);
  for (const name of shape.optionalStrings ?? []) if (params[name] !== undefined && typeof params[name] !== 'string') return want(name, 'a string when given', params[name]);
  for (const name of shape.arrays ?? []) {
    const value = name.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), params);
    if (!Array.isArray(value)) return want(name, 'an array', value);
  }
  return undefined;
}

/** Why a document notification (didOpen, didChange, didClose, didSave) is malformed, or undefined. */
export function documentNotificationProblem(method: 'didOpen' | 'didChange' | 'didClose' | 'didSave', params: unknown): string | undefined {
  const problem = documentProblem(params);
  if (problem) return problem;
  const { textDocument, contentChanges } = params as { textDocument: Fields; contentChanges?: unknown };
  if (method === 'didOpen') {
    if (typeof textDocument.text !== 'string') return want('textDocument.text', 'a string', textDocument.text);
    if (typeof textDocument.languageId !== 'string') return want('textDocument.languageId', 'a string', textDocument.languageId);
  }
  if (method === 'didOpen' || method === 'didChange') {
    if (!Number.isSafeInteger(textDocument.version)) return want('textDocument.version', 'a whole number', textDocument.version);
  }
  if (method !== 'didChange') return undefined;
  if (!Array.isArray(contentChanges)) return want('contentChanges', 'an array', contentChanges);
  for (const [i, change] of contentChanges.entries()) {
    if (!isObject(change)) return want(`contentChanges[${i}]`, 'an object { range, text } or { text }', change);
    if (typeof change.text !== 'string') return want(`contentChanges[${i}].text`, 'a string', change.text);
    if (change.range !== undefined) {
      const problem = rangeProblem(change.range, `contentChanges[${i}].range`);
      if (problem) return problem;
    }
  }
  return undefined;
}

const guarded = new Map<string | symbol, 'didOpen' | 'didChange' | 'didClose' | 'didSave'>([
  ['onDidOpenTextDocument', 'didOpen'],
  ['onDidChangeTextDocument', 'didChange'],
  ['onDidCloseTextDocument', 'didClose'],
  ['onDidSaveTextDocument', 'didSave'],
]);

/**
 * The connection as TextDocuments should listen to it: document notifications with malformed
 * params never reach it (one would corrupt its copy of the text), and each is logged.
 */
export function checkedDocumentSync(connection: Connection): Connection {
  const guard =
    <P>(method: 'didOpen' | 'didChange' | 'didClose' | 'didSave', handler: (params: P) => void) =>
    (params: P): void => {
      const problem = documentNotificationProblem(method, params);
      if (problem) connection.console.warn(`Attest ignored a textDocument/${method} notification: ${problem}.`);
      else handler(params);
    };
  return new Proxy(connection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      const method = guarded.get(property);
      if (!method) return value;
      return (handler: (params: unknown) => void) => (value as (h: (params: unknown) => void) => unknown).call(target, guard(method, handler));
    },
  });
}
