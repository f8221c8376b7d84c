import type { Finding } from '../finding.js';
import type { AcceptedLocation, KeywardConfig } from './types.js';

const sameCommit = (listed: string, sha: string) => listed.length >= 7 && sha.toLowerCase().startsWith(listed.toLowerCase());

function atLocation(finding: Finding, location: AcceptedLocation): boolean {
  if (location.path !== finding.path || location.line !== finding.line) return false;
  if (location.rule !== undefined && location.rule !== finding.ruleId) return false;
  if (location.commit === undefined) return true;
  return finding.commit !== undefined && sameCommit(location.commit, finding.commit.sha);
}

/**
 * Drops findings the config accepts by commit or by location, which the engine cannot judge on its own: the commit is
 * known only once a git source attributes the finding. Sources' findings pass through here before any report.
 */
export function withoutAccepted(findings: Finding[], config: KeywardConfig): Finding[] {
  const commits = config.allowlist.commits ?? [];
  const locations = config.allowlist.locations ?? [];
  if (commits.length === 0 && locations.length === 0) return findings;
  return findings.filter((finding) => {
    if (finding.commit && commits.some((sha) => sameCommit(sha, finding.commit!.sha))) return false;
    return !locations.some((location) => atLocation(finding, location));
  });
}
