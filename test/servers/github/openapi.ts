import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import type { RecordedRequest } from '../http.js';

/**
 * Checks requests against GitHub's published REST description (@octokit/openapi, api.github.com): the operation
 * (method and path), each path and query parameter, and the JSON body. The spec is loaded, indexed and registered
 * with Ajv once per process; each operation's validators compile on first use.
 */
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: { type?: string };
  /** Where its schema sits in the spec, for Ajv. */
  pointer: string;
}

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  parameters: Parameter[];
  body?: { required: boolean; pointer: string };
}

interface Spec {
  paths: Record<string, Record<string, { parameters?: ({ $ref: string } | Omit<Parameter, 'pointer'>)[]; requestBody?: { required?: boolean; content?: Record<string, unknown> } }>>;
  components: { parameters: Record<string, Omit<Parameter, 'pointer'>> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const SPEC_ID = 'api.github.com';

/** A JSON pointer fragment, escaped for JSON pointer and then for the URI Ajv resolves it as. */
const pointer = (...segments: string[]) => `${SPEC_ID}#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;

function parametersOf(spec: Spec, path: string, method: string): Parameter[] {
  const list = spec.paths[path]![method]!.parameters ?? [];
  return list.map((p, i) => {
    if ('$ref' in p) {
      const name = p.$ref.replace('#/components/parameters/', '');
      return { ...spec.components.parameters[name]!, pointer: pointer('components', 'parameters', name, 'schema') };
    }
    return { ...p, pointer: pointer('paths', path, method, 'parameters', String(i), 'schema') };
  });
}

function indexOperations(spec: Spec): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
    const pattern = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)')}$`);
    for (const method of METHODS.filter((m) => item[m])) {
      const requestBody = item[method]!.requestBody;
      const body = requestBody?.content?.['application/json'] ? { required: requestBody.required ?? false, pointer: pointer('paths', template, method, 'requestBody', 'content', 'application/json', 'schema') } : undefined;
      operations.push({ method: method.toUpperCase(), template, pattern, names, parameters: parametersOf(spec, template, method), body });
    }
  }
  // The most literal template first: /repos/{o}/{r}/issues/comments before /repos/{o}/{r}/issues/{issue_number}.
  return operations.sort((a, b) => a.names.length - b.names.length);
}

class OpenApiValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false });
  private readonly operations: Operation[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(spec: Spec) {
    (addFormatsPlugin as unknown as (ajv: Ajv) => Ajv)(this.ajv);
    this.ajv.addSchema(spec as object, SPEC_ID);
    this.operations = indexOperations(spec);
  }

  private validator(ref: string): ValidateFunction {
    let validate = this.compiled.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(ref, validate);
    }
    return validate;
  }

  private check(ref: string, value: unknown, what: string): string[] {
    const validate = this.validator(ref);
    if (validate(value)) return [];
    return (validate.errors ?? []).slice(0, 5).map((e) => `${what}${e.instancePath} ${e.message ?? 'is invalid'}`);
  }

  /** A string parameter's value as its schema types it (query strings and paths carry only text). */
  private static typed(parameter: Parameter, value: string): unknown {
    const type = parameter.schema?.type;
    if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
    return value;
  }

  /** What is wrong with a request, by GitHub's description; empty when it is a documented call. */
  problems(req: Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>): string[] {
    const found = this.operations.find((op) => op.method === req.method && op.pattern.test(req.path));
    if (!found) return [`${req.method} ${req.path}: no such operation in GitHub's REST API`];
    const label = `${req.method} ${found.template}`;
    const problems: string[] = [];
    const values = found.pattern.exec(req.path)!.slice(1);
    found.names.forEach((name, i) => {
      const parameter = found.parameters.find((p) => p.in === 'path' && p.name === name);
      if (parameter) problems.push(...this.check(parameter.pointer, OpenApiValidator.typed(parameter, decodeURIComponent(values[i]!)), `${label}: path parameter ${name}`));
    });
    for (const [name, value] of req.query) {
      const parameter = found.parameters.find((p) => p.in === 'query' && p.name === name);
      if (!parameter) problems.push(`${label}: undocumented query parameter ${name}`);
      else problems.push(...this.check(parameter.pointer, OpenApiValidator.typed(parameter, value), `${label}: query parameter ${name}`));
    }
    for (const parameter of found.parameters.filter((p) => p.in === 'query' && p.required && !req.query.has(p.name))) problems.push(`${label}: missing required query parameter ${parameter.name}`);
    problems.push(...this.bodyProblems(found, req.body, label));
    return problems;
  }

  private bodyProblems(operation: Operation, text: string, label: string): string[] {
    if (text.trim() === '') return operation.body?.required ? [`${label}: the JSON body is required`] : [];
    if (!operation.body) return [`${label}: takes no JSON body`];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${label}: the body is not JSON`];
    }
    return this.check(operation.body.pointer, body, `${label}: body`);
  }
}

let shared: OpenApiValidator | undefined;

/** The process's one validator (the 13 MB description is parsed and indexed on first use). */
export function githubApiValidator(): OpenApiValidator {
  shared ??= new OpenApiValidator(createRequire(import.meta.url)('@octokit/openapi/generated/api.github.com.json') as Spec);
  return shared;
}
