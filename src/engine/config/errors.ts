export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. `rules.custom[0].pattern`. */
  field: string;
  message: string;
}

/** A config file that cannot be used; `message` lists every problem as `file:line:column: field: message`. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.field}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}
