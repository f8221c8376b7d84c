import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { getPair, keyOf, pairsOf, scalarText, seqItems, YamlSource } from '../yaml-nodes.js';

/** A value with the 1-based line it sits on. */
export interface Located {
  value: string;
  line: number;
}

/** Where a `${{ secrets.X }}` reference is fed. */
export type RefSite = 'env' | 'with' | 'secrets' | 'run' | 'other';

export interface SecretRef {
  name: string;
  line: number;
  site: RefSite;
  /** The env variable, input or reusable-workflow secret the value is assigned to. */
  key?: string;
}

export interface Permissions {
  line: number;
  /** `read-all`, `write-all`, or `none` for `permissions: {}`. */
  all?: 'read-all' | 'write-all' | 'none';
  scopes: Record<string, string>;
}

export interface WorkflowStep {
  index: number;
  line: number;
  /** `name`, else `id`, else `uses`, else "step N": how the step is named in messages. */
  label: string;
  uses?: Located;
  run?: Located;
  with: Record<string, Located>;
  env: Record<string, Located>;
  secretRefs: SecretRef[];
}

export interface WorkflowJob {
  id: string;
  line: number;
  name?: string;
  environment?: string;
  permissions?: Permissions;
  /** A reusable-workflow call (`jobs.<id>.uses`). */
  uses?: Located;
  with: Record<string, Located>;
  env: Record<string, Located>;
  /** `secrets: inherit` or the secrets passed to a reusable workflow. */
  secrets?: 'inherit' | Record<string, Located>;
  secretsLine?: number;
  steps: WorkflowStep[];
  /** References on the job itself (env, container credentials, reusable-workflow secrets), not its steps. */
  secretRefs: SecretRef[];
}

export interface Workflow {
  /** Repository-relative, `/`-separated. */
  path: string;
  name?: string;
  events: string[];
  eventsLine: number;
  permissions?: Permissions;
  env: Record<string, Located>;
  jobs: WorkflowJob[];
  /** References at workflow level (its `env`). */
  secretRefs: SecretRef[];
}

export interface WorkflowParseProblem {
  path: string;
  line: number;
  message: string;
}

const EXPRESSION = /\$\{\{([\s\S]*?)\}\}/g;
const SECRET_IN_EXPRESSION = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_-]*)|\[\s*['"]([^'"]+)['"]\s*\])/g;

/** Every `secrets.X` inside `${{ }}` (anywhere, for `if:` values) in a node's source text, with its line. */
function refsIn(node: unknown, source: YamlSource, site: RefSite, key: string | undefined, bare = false): SecretRef[] {
  const located = source.sourceOf(node);
  if (!located) return [];
  const refs: SecretRef[] = [];
  const scan = (text: string, offset: number) => {
    for (const match of text.matchAll(SECRET_IN_EXPRESSION)) {
      const name = match[1] ?? match[2];
      if (!name) continue;
      refs.push({ name, line: source.lineAt(offset + (match.index ?? 0)), site, ...(key !== undefined ? { key } : {}) });
    }
  };
  if (bare) scan(located.text, located.start);
  else for (const expression of located.text.matchAll(EXPRESSION)) scan(expression[0], located.start + (expression.index ?? 0));
  return refs;
}

function locatedMap(node: unknown, source: YamlSource): Record<string, Located> {
  const out: Record<string, Located> = {};
  for (const pair of pairsOf(node)) {
    const value = isScalar(pair.value) ? (scalarText(pair.value) ?? '') : pair.value ? String(pair.value) : '';
    out[keyOf(pair)] = { value, line: source.lineOf(pair.value ?? pair.key) };
  }
  return out;
}

function locatedScalar(node: unknown, source: YamlSource): Located | undefined {
  const text = scalarText(node);
  return text === undefined ? undefined : { value: text, line: source.lineOf(node) };
}

function refsOfMap(node: unknown, source: YamlSource, site: RefSite): SecretRef[] {
  return pairsOf(node).flatMap((pair) => refsIn(pair.value, source, site, keyOf(pair)));
}

function parsePermissions(node: unknown, line: number): Permissions | undefined {
  if (node === undefined || node === null) return undefined;
  const text = scalarText(node);
  if (text === 'read-all' || text === 'write-all') return { line, all: text, scopes: {} };
  if (isMap(node)) {
    const scopes: Record<string, string> = {};
    for (const pair of pairsOf(node)) scopes[keyOf(pair)] = scalarText(pair.value) ?? '';
    return { line, ...(Object.keys(scopes).length === 0 ? { all: 'none' as const } : {}), scopes };
  }
  return { line, scopes: {} };
}

function parseEvents(node: unknown): string[] {
  const text = scalarText(node);
  if (text !== undefined) return [text];
  if (isSeq(node)) return seqItems(node).map((item) => scalarText(item) ?? '').filter(Boolean);
  return pairsOf(node).map(keyOf);
}

function parseStep(node: unknown, index: number, source: YamlSource): WorkflowStep {
  const uses = locatedScalar(getPair(node, 'uses')?.value, source);
  const run = locatedScalar(getPair(node, 'run')?.value, source);
  const name = scalarText(getPair(node, 'name')?.value);
  const id = scalarText(getPair(node, 'id')?.value);
  const secretRefs: SecretRef[] = [];
  for (const pair of pairsOf(node)) {
    const key = keyOf(pair);
    if (key === 'env' || key === 'with') secretRefs.push(...refsOfMap(pair.value, source, key));
    else if (key === 'run') secretRefs.push(...refsIn(pair.value, source, 'run', undefined));
    else secretRefs.push(...refsIn(pair.value, source, 'other', undefined, key === 'if'));
  }
  return {
    index,
    line: source.lineOf(node),
    label: name ?? id ?? uses?.value ?? `step ${index + 1}`,
    ...(uses ? { uses } : {}),
    ...(run ? { run } : {}),
    with: locatedMap(getPair(node, 'with')?.value, source),
    env: locatedMap(getPair(node, 'env')?.value, source),
    secretRefs,
  };
}

function parseJob(pair: ReturnType<typeof pairsOf>[number], source: YamlSource): WorkflowJob {
  const node = pair.value;
  const permissionsPair = getPair(node, 'permissions');
  const environmentNode = getPair(node, 'environment')?.value;
  const environment = scalarText(environmentNode) ?? scalarText(getPair(environmentNode, 'name')?.value);
  const secretsPair = getPair(node, 'secrets');
  const secretRefs: SecretRef[] = [];
  for (const item of pairsOf(node)) {
    const key = keyOf(item);
    if (key === 'steps') continue;
    if (key === 'env' || key === 'with' || key === 'secrets') secretRefs.push(...refsOfMap(item.value, source, key));
    else secretRefs.push(...refsIn(item.value, source, 'other', undefined, key === 'if'));
  }
  const uses = locatedScalar(getPair(node, 'uses')?.value, source);
  const name = scalarText(getPair(node, 'name')?.value);
  const permissions = permissionsPair ? parsePermissions(permissionsPair.value, source.lineOf(permissionsPair.key)) : undefined;
  return {
    id: keyOf(pair),
    line: source.lineOf(pair.key),
    ...(name !== undefined ? { name } : {}),
    ...(environment !== undefined ? { environment } : {}),
    ...(permissions ? { permissions } : {}),
    ...(uses ? { uses } : {}),
    with: locatedMap(getPair(node, 'with')?.value, source),
    env: locatedMap(getPair(node, 'env')?.value, source),
    ...(secretsPair
      ? { secrets: scalarText(secretsPair.value) === 'inherit' ? ('inherit' as const) : locatedMap(secretsPair.value, source), secretsLine: source.lineOf(secretsPair.key) }
      : {}),
    steps: seqItems(getPair(node, 'steps')?.value).map((step, index) => parseStep(step, index, source)),
    secretRefs,
  };
}

export type ParsedWorkflow = { workflow: Workflow; problems: WorkflowParseProblem[] } | { workflow?: undefined; problems: WorkflowParseProblem[] };

/**
 * Parses one workflow file. Syntax errors come back as problems with their line instead of throwing; a file that is
 * YAML but not a workflow (no `jobs` map) is a problem too.
 */
export function parseWorkflow(path: string, text: string): ParsedWorkflow {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const source = new YamlSource(text, lineCounter);
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        path,
        line: error.linePos?.[0]?.line ?? source.lineAt(error.pos[0]),
        message: `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`,
      })),
    };
  }
  const root = document.contents;
  const jobsPair = getPair(root, 'jobs');
  if (!isMap(root) || !jobsPair || !isMap(jobsPair.value)) {
    return { problems: [{ path, line: jobsPair ? source.lineOf(jobsPair.key) : 1, message: 'not a workflow: no `jobs` mapping' }] };
  }
  const onPair = getPair(root, 'on');
  const permissionsPair = getPair(root, 'permissions');
  const envPair = getPair(root, 'env');
  const name = scalarText(getPair(root, 'name')?.value);
  const permissions = permissionsPair ? parsePermissions(permissionsPair.value, source.lineOf(permissionsPair.key)) : undefined;
  return {
    workflow: {
      path,
      ...(name !== undefined ? { name } : {}),
      events: onPair ? parseEvents(onPair.value) : [],
      eventsLine: onPair ? source.lineOf(onPair.key) : 1,
      ...(permissions ? { permissions } : {}),
      env: locatedMap(envPair?.value, source),
      jobs: pairsOf(jobsPair.value).filter((pair) => isPair(pair)).map((pair) => parseJob(pair, source)),
      secretRefs: envPair ? refsOfMap(envPair.value, source, 'env') : [],
    },
    problems: [],
  };
}

/** Every secret reference in a workflow with the job and step it belongs to. */
export function allSecretRefs(workflow: Workflow): (SecretRef & { job?: WorkflowJob; step?: WorkflowStep })[] {
  const out: (SecretRef & { job?: WorkflowJob; step?: WorkflowStep })[] = [...workflow.secretRefs];
  for (const job of workflow.jobs) {
    for (const ref of job.secretRefs) out.push({ ...ref, job });
    for (const step of job.steps) for (const ref of step.secretRefs) out.push({ ...ref, job, step });
  }
  return out;
}

/** The permissions a job runs with: its own block, else the workflow's. */
export function effectivePermissions(workflow: Workflow, job: WorkflowJob): Permissions | undefined {
  return job.permissions ?? workflow.permissions;
}

export function grantsIdTokenWrite(permissions: Permissions | undefined): boolean {
  if (!permissions) return false;
  return permissions.all === 'write-all' || permissions.scopes['id-token'] === 'write';
}
