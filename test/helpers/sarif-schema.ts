import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';

let compiled: ValidateFunction | undefined;

/**
 * The OASIS SARIF 2.1.0 schema (sarif-2.1.0-rtm.5.json, as @microsoft/jest-sarif ships it, MIT), compiled once. It is
 * draft-04; Ajv reads it as draft-07 once the top-level `$schema` and `id` go (it has no draft-04-only keywords), and
 * its `language` pattern is not valid with the u flag, so patterns compile without it.
 */
export function sarifValidator(): ValidateFunction {
  if (!compiled) {
    const { $schema: _draft, id: _id, ...schema } = JSON.parse(readFileSync('test/report/data/sarif-2.1.0-rtm.5.json', 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    (addFormatsPlugin as unknown as (ajv: Ajv) => Ajv)(ajv);
    compiled = ajv.compile(schema);
  }
  return compiled;
}
