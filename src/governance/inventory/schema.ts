export const INVENTORY_FILE = '.github/nhi.yml';
export const INVENTORY_FILES = ['.github/nhi.yml', '.github/nhi.yaml'] as const;

export const IDENTITY_KINDS = ['repository-secret', 'environment-secret', 'org-secret', 'cloud-role', 'deploy-key', 'service-account', 'token'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const TOP_LEVEL_FIELDS = ['version', 'defaults', 'identities'] as const;
export const DEFAULTS_FIELDS = ['max-age'] as const;
export const ENTRY_FIELDS = [
  'name',
  'kind',
  'owner',
  'purpose',
  'created',
  'expires',
  'max-age',
  'rotation',
  'revoke',
  'environment',
  'provider',
  'paths',
  'fingerprints',
] as const;

/** One non-human identity the repository uses. */
export interface InventoryEntry {
  /** Secret name, role ARN, key title, service-account e-mail... */
  name: string;
  kind?: IdentityKind;
  /** `@user`, `@org/team` or an e-mail; absent while still `TODO`. */
  owner?: string;
  purpose?: string;
  /** `YYYY-MM-DD` or ISO timestamp. */
  created?: string;
  expires?: string;
  maxAgeDays?: number;
  rotation?: string;
  /** How to revoke it: a URL or the command. */
  revoke?: string;
  environment?: string;
  provider?: string;
  /** picomatch globs of files where this credential is known to live (links scan findings to the entry). */
  paths: string[];
  /** Finding fingerprints that are this credential. */
  fingerprints: string[];
  /** Line of the entry in the file. */
  line: number;
  index: number;
}

export interface InventoryProblem {
  file: string;
  line: number;
  /** Dotted path of the field, e.g. `identities[2].max-age`. */
  field: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface Inventory {
  file: string;
  /** The file's exact text, hashed into the policy version. */
  text: string;
  version: number;
  defaultMaxAgeDays?: number;
  entries: InventoryEntry[];
  problems: InventoryProblem[];
}

export function formatInventoryProblem(problem: InventoryProblem): string {
  return `${problem.file}:${problem.line}: ${problem.severity}: ${problem.field}: ${problem.message}`;
}
