import { writeFileSync } from 'node:fs';
import { builtinRules } from '../rules/index.js';
import { ConfigError, nativeRegexUnavailableReason, regexBackend } from '../engine/index.js';
import { TOOL_VERSION } from '../report/tool.js';
import { USAGE, UsageError, parseCli } from './args.js';
import { runScan } from './scan.js';
import { serveScanWorkerIfAsked } from '../sources/pool.js';

async function main(argv: string[]): Promise<number> {
  const args = parseCli(argv);
  switch (args.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`keyward ${TOOL_VERSION} (node ${process.versions.node}, regex ${regexBackend().name}${nativeRegexUnavailableReason() ? `: native re2 unavailable: ${nativeRegexUnavailableReason()}` : ''})\n`);
      return 0;
    case 'rules': {
      const rows = builtinRules.map((r) => ({ id: r.id, title: r.title, provider: r.provider, severity: r.severity, longLived: r.longLived, keywords: r.keywords, revokeUrl: r.revokeUrl }));
      const text = args.format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : rows.map((r) => `${r.id.padEnd(44)} ${r.severity.padEnd(9)} ${r.longLived ? 'long-lived ' : 'short-lived'} ${r.title}`).join('\n') + `\n${rows.length} rules\n`;
      if (args.output) writeFileSync(args.output, text);
      else process.stdout.write(text);
      return 0;
    }
    case 'scan':
      return (await runScan(args)).exitCode;
    default:
      throw new UsageError(`${args.command} is not available in this build`);
  }
}

function reportFailure(error: unknown): void {
  const message = error instanceof ConfigError ? `invalid config:\n${error.message}` : error instanceof Error ? error.message : String(error);
  process.stderr.write(`keyward: ${message}\n`);
  if (process.env.KEYWARD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 2;
}

// The bundle is also the scan workers' entry: in a worker it only serves scan jobs.
if (!serveScanWorkerIfAsked()) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, reportFailure);
}
