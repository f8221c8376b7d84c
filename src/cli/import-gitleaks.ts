import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, configToYaml, importGitleaks, parseConfig } from '../engine/index.js';
import { POLICY_FILE_MAX_BYTES, readRegularFile } from '../fs/safe-read.js';
import { UsageError } from './args.js';
import { printable, writeErr, writeOut, writeOutput } from './output.js';

/**
 * `keyward config import-gitleaks [PATH] [--output FILE]`: writes the `.keyward.yml` equivalent to PATH's gitleaks
 * files. Never overwrites an existing Keyward config unless it is named with --output.
 */
export function importGitleaksCommand(path: string, output: string | undefined): 0 {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${path}: not a directory (give the repository root that holds .gitleaks.toml)`);
  const imported = importGitleaks((name) => {
    const read = readRegularFile(join(dir, name), { maxBytes: POLICY_FILE_MAX_BYTES, root: dir, shown: name });
    if (read.ok || read.reason === 'missing') return read.ok ? read.text : undefined;
    throw new UsageError(read.message);
  });
  if (!imported) throw new UsageError(`no .gitleaks.toml or .gitleaksignore in ${path}`);
  const header = [
    `Imported from ${imported.files.join(' and ')} by \`keyward config import-gitleaks\`.`,
    ...(imported.notices.length ? ['Not mapped (review each; nothing else was left out):', ...imported.notices.map((n) => `  - ${n}`)] : ['Every setting was mapped.']),
  ];
  const yaml = configToYaml(imported.config, header);
  // The file must mean what it says: read it back as the scanner will.
  parseConfig(yaml, '.keyward.yml (imported)');
  for (const notice of imported.notices) writeErr(`keyward: not mapped: ${printable(notice)}\n`);
  const existing = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find((file) => existsSync(file));
  if (output === undefined && existing) {
    writeOut(yaml);
    writeErr(`keyward: ${relative(process.cwd(), existing) || existing} exists; printed the imported config instead of overwriting it (--output FILE writes it)\n`);
    return 0;
  }
  const target = output ?? join(dir, '.keyward.yml');
  writeOutput(target, yaml);
  if (target !== '-') writeErr(`keyward: wrote ${target} from ${imported.files.join(' and ')}; ${imported.notices.length} setting(s) not mapped${imported.notices.length ? ' (listed above and in its header)' : ''}\n`);
  return 0;
}
