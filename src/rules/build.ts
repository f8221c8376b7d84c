import type { Rule, Severity } from './types.js';

type RuleInput = Omit<Rule, 'kind' | 'remediation'> & { kind?: Rule['kind']; remediation?: string };

/** A rule with the catalogue's defaults: specific kind, a remediation line built from the revoke page. */
export function rule(input: RuleInput): Rule {
  return {
    ...input,
    kind: input.kind ?? 'specific',
    remediation:
      input.remediation ??
      `Revoke it in ${input.provider}${input.revokeUrl ? ` (${input.revokeUrl})` : ''}, then remove it from the code and its history${input.longLived ? '; prefer short-lived credentials' : ''}.`,
  };
}

export interface ContextRuleInput {
  id: string;
  title: string;
  provider: string;
  severity: Severity;
  /** Lowercase literals, one of which starts the name before the value (`datadog` in `DATADOG_API_KEY=`); also the prefilter keywords. */
  names: string[];
  /** RE2 for the value itself, without a group. */
  value: string;
  longLived: boolean;
  revokeUrl?: string;
  entropy?: number;
  remediation?: string;
}

/**
 * Between a context rule's name and its value: the name's closing quote (escaped inside JSON strings, as in notebooks),
 * a subscript's `]`, then `:`, `=`, `:=`, `=>`, `, "value":` (Postman's key/value pairs), `,` (a second argument), `>` (an XML element), ` value=` (an XML
 * attribute pair) or a typed declaration (`: String =`, `: &str =`); then the value's opening quote.
 */
const CONTEXT_SEPARATOR =
  "(?:\\\\?[\"'])?\\]?\\s*(?::|=|:=|=>|,[ \\t]*\"value\"[ \\t]*:|,|>|value=|:[ \\t]*&?(?:'static[ \\t]+)?[A-Za-z_][\\w:<>]{0,30}[ \\t]*=)\\s*(?:\\\\?[\"'`])?";

/**
 * For credentials with no fixed prefix: the value counts only right after a name that says whose it is, as in
 * `DATADOG_API_KEY=...`, `"pagerduty_token": "..."` or `mailgun.key: ...`.
 */
export function contextRule(input: ContextRuleInput): Rule {
  const names = input.names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return rule({
    id: input.id,
    title: input.title,
    provider: input.provider,
    severity: input.severity,
    keywords: input.names,
    pattern: `(?i)(?:${names})[\\w.-]{0,24}${CONTEXT_SEPARATOR}(${input.value})(?:[^A-Za-z0-9_+/=-]|$)`,
    longLived: input.longLived,
    revokeUrl: input.revokeUrl,
    entropy: input.entropy ?? 3,
    remediation: input.remediation,
  });
}
