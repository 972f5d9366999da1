// Text at the edge: every string in a request's body, query and path (and every key) is checked
// before the schema sees it, so nothing below ever meets text the database cannot store or a
// person cannot see.
//
// - NFC: one spelling per character (a Bengali vowel sign typed two ways is stored one way),
//   and line ends as "\n".
// - Refused, with the field named: control characters other than newline and tab (NUL is what
//   PostgreSQL cannot store at all), the bidirectional embedding/override/isolate controls
//   (U+202A–U+202E, U+2066–U+2069: they reorder what a reader sees, "Trojan Source"), and
//   unpaired UTF-16 surrogates (not text; jsonb refuses them). Zero-width joiners, which Bengali
//   spelling needs, and the plain direction marks are text and stay.
// - Structures deeper than MAX_DEPTH are refused (no request here needs more; deeper ones only
//   cost stack in every later walk).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldErrorCode } from '@nalish/domain';
import { type FieldProblemDetail, invalidFields } from '../errors.ts';

export const MAX_DEPTH = 16;

// C0 controls except \t (09) and \n (0A), DEL, C1 controls, and the bidi embedding, override
// and isolate controls. \r is turned into \n before this check.
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The problem with one string, or null. */
export function textProblem(s: string): FieldErrorCode | null {
  if (LONE_SURROGATE.test(s)) return 'broken_text';
  if (FORBIDDEN.test(s.replace(/\r\n?/g, '\n'))) return 'control_character';
  return null;
}

export const normaliseText = (s: string): string => s.replace(/\r\n?/g, '\n').normalize('NFC');

/**
 * Checks and normalises a parsed value in place (objects and arrays) and returns it (strings are
 * returned normalised). Problems are collected with their paths.
 */
export function cleanValue(value: unknown, path: string[], problems: FieldProblemDetail[], depth = 0): unknown {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) {
      problems.push({ path: path.join('.'), code: problem });
      return value;
    }
    return normaliseText(value);
  }
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  if (depth >= MAX_DEPTH) {
    problems.push({ path: path.join('.'), code: 'too_deep' });
    return value;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isMultipartPart(item)) cleanPart(item, path, problems, depth);
      else value[i] = cleanValue(item, [...path, String(i)], problems, depth + 1);
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const keyProblem = textProblem(key);
    if (keyProblem) {
      problems.push({ path: [...path, key].join('.'), code: keyProblem });
      continue;
    }
    const v = record[key];
    if (isMultipartPart(v)) {
      cleanPart(v, [...path, key], problems, depth);
      continue;
    }
    const cleaned = cleanValue(v, [...path, key], problems, depth + 1);
    const nfcKey = normaliseText(key);
    if (nfcKey !== key) delete record[key];
    record[nfcKey] = cleaned;
  }
  return value;
}

interface MultipartPart {
  type: 'field' | 'file';
  fieldname: string;
  value?: unknown;
}

/** A multipart field's value is text like any other; file parts are bytes, checked by their type
 *  elsewhere (evidence/detect.ts), and their names are cleaned when stored (evidence/attach.ts). */
function cleanPart(part: MultipartPart, path: string[], problems: FieldProblemDetail[], depth: number): void {
  if (part.type === 'field' && typeof part.value === 'string') part.value = cleanValue(part.value, path, problems, depth + 1);
}

function isMultipartPart(v: unknown): v is MultipartPart {
  return v !== null && typeof v === 'object' && 'fieldname' in v && ((v as MultipartPart).type === 'field' || (v as MultipartPart).type === 'file');
}

const STAGE = Symbol('body stage');
type Staged = FastifyRequest & { [STAGE]?: 'reading' | 'read' };

/** The error came while the body was being parsed (after the request's hooks, before validation). */
export const failedReadingBody = (request: FastifyRequest): boolean => (request as Staged)[STAGE] === 'reading';

export function installTextInput(app: FastifyInstance): void {
  app.addHook('preParsing', async (request: FastifyRequest) => {
    (request as Staged)[STAGE] = 'reading';
  });
  app.addHook('preValidation', async (request: FastifyRequest) => {
    (request as Staged)[STAGE] = 'read';
    const problems: FieldProblemDetail[] = [];
    request.params = cleanValue(request.params, [], problems) as typeof request.params;
    request.query = cleanValue(request.query, [], problems) as typeof request.query;
    request.body = cleanValue(request.body, [], problems) as typeof request.body;
    if (problems.length > 0) throw invalidFields(...problems);
  });
}
