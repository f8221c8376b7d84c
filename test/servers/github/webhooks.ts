import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

/**
 * Webhook payloads as GitHub sends them (and the runner writes them to GITHUB_EVENT_PATH), from @octokit/openapi-webhooks:
 * `webhookPayload` builds a complete payload the schema accepts, with the fields a test cares about set, and
 * `webhookProblems` checks one. The description is loaded once per process.
 */
type Schema = {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};

interface WebhooksSpec {
  webhooks: Record<string, { post: { requestBody: { content: { 'application/json': { schema: Schema } } } } }>;
  components: { schemas: Record<string, Schema> };
}

const SPEC_ID = 'webhooks';
let loaded: { spec: WebhooksSpec; ajv: Ajv; compiled: Map<string, ValidateFunction> } | undefined;

function webhooks() {
  if (!loaded) {
    const spec = createRequire(import.meta.url)('@octokit/openapi-webhooks/generated/api.github.com.json') as WebhooksSpec;
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, unicodeRegExp: false });
    (addFormatsPlugin as unknown as (ajv: Ajv) => Ajv)(ajv);
    ajv.addSchema(spec as object, SPEC_ID);
    loaded = { spec, ajv, compiled: new Map() };
  }
  return loaded;
}

/** The payload schema of one webhook, e.g. `pull-request-synchronize`, `push`, `merge-group-checks-requested`. */
function payloadSchema(name: string): Schema {
  const hook = webhooks().spec.webhooks[name];
  if (!hook) throw new Error(`no webhook ${name} in @octokit/openapi-webhooks`);
  return hook.post.requestBody.content['application/json'].schema;
}

function resolve(schema: Schema): Schema {
  let current = schema;
  while (current.$ref) current = webhooks().spec.components.schemas[current.$ref.replace('#/components/schemas/', '')]!;
  return current;
}

function scalar(type: string, format: string | undefined): unknown {
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return false;
  if (format === 'date-time') return '2026-01-01T00:00:00Z';
  if (format === 'uri' || format === 'uri-template') return 'https://github.test/acme/app';
  if (format === 'email') return 'octocat@github.test';
  return 'x';
}

/** The smallest value the schema accepts: required properties only, objects over null, the first of a choice. */
function sample(input: Schema, depth = 0): unknown {
  const schema = resolve(input);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum.find((v) => v !== null) ?? null;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => sample(s, depth + 1)));
  const choice = schema.oneOf ?? schema.anyOf;
  if (choice) return sample(choice.find((s) => resolve(s).type !== 'null') ?? choice[0]!, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? (schema.properties ? 'object' : 'string')];
  const type = depth > 12 && types.includes('null') ? 'null' : (types.find((t) => t !== 'null') ?? 'null');
  if (type === 'null') return null;
  if (type === 'object') return Object.fromEntries((schema.required ?? []).map((name) => [name, sample(schema.properties?.[name] ?? {}, depth + 1)]));
  if (type === 'array') return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}, depth + 1));
  return scalar(type, schema.format);
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function merge(base: unknown, overrides: unknown): unknown {
  if (!isObject(base) || !isObject(overrides)) return overrides;
  const merged: Json = { ...base };
  for (const [key, value] of Object.entries(overrides)) merged[key] = merge(base[key], value);
  return merged;
}

/** What the webhook's schema rejects in `payload`; empty when GitHub could have sent it. */
export function webhookProblems(name: string, payload: unknown): string[] {
  const { ajv, compiled } = webhooks();
  let validate = compiled.get(name);
  if (!validate) {
    const ref = payloadSchema(name).$ref;
    if (!ref) throw new Error(`webhook ${name} has no payload schema reference`);
    validate = ajv.compile({ $ref: `${SPEC_ID}${ref}` });
    compiled.set(name, validate);
  }
  if (validate(payload)) return [];
  return (validate.errors ?? []).slice(0, 8).map((e) => `${name}${e.instancePath} ${e.message ?? 'is invalid'}`);
}

/** A complete payload of webhook `name` with `overrides` merged in; throws when the result is not one GitHub sends. */
export function webhookPayload(name: string, overrides: Json): Json {
  const payload = merge(sample(payloadSchema(name)), overrides) as Json;
  const problems = webhookProblems(name, payload);
  if (problems.length > 0) throw new Error(`not a ${name} payload GitHub sends:\n${problems.join('\n')}`);
  return payload;
}
