// Scores one scanner's findings on one corpus against the hand-made labels: which risky lines it finds (by family,
// all and realistic ones, i.e. placeholder-shaped values left out), what its other findings were judged, and what no
// label covers yet (untriaged) or has changed since the triage (regressions, improvements).

const lineKey = (path, line) => `${path}:${line}`;

/** The family a finding off the risky lines is counted under, from its rule id (Keyward's or gitleaks'). */
export function ruleFamily(rule) {
  if (/private-key|putty|pgp|ssh-key/.test(rule)) return 'private-key';
  if (/connection-string|url-embedded|curl-auth|jdbc/.test(rule)) return 'connection-string';
  if (/passw|pwd|netrc|htpasswd|shadow/.test(rule)) return 'password';
  if (/^generic|^gitleaks-generic/.test(rule)) return 'generic-token';
  return 'provider-token';
}

function emptyFamily() {
  return { risky: 0, found: 0, realistic: 0, realisticFound: 0, falseAlarms: 0, fixtures: 0, informative: 0 };
}

/**
 * `labels` is the verdicts file; `scanner` is 'keyward' or 'gitleaks'. Returns per-family counts, the corpus totals
 * and the lists a reader has to act on.
 */
export function score(labels, corpusName, scanner, findings) {
  const risky = labels.lines.filter((entry) => entry.corpus === corpusName);
  const judged = new Map();
  for (const entry of labels.findings.filter((v) => v.corpus === corpusName && v.scanner === scanner)) judged.set(`${lineKey(entry.path, entry.line)} ${entry.rule}`, entry);
  const byLine = new Map();
  for (const finding of findings) {
    const key = lineKey(finding.path, finding.line);
    byLine.set(key, [...(byLine.get(key) ?? []), finding]);
  }
  const families = new Map();
  const family = (name) => families.get(name) ?? families.set(name, emptyFamily()).get(name);
  // Regressions fail the run; improvements ask for the labels to be brought up to date; a judged false alarm that is
  // no longer raised keeps its label (should it come back) and is only listed.
  const regressions = [];
  const improvements = [];
  const gone = [];
  const riskyKeys = new Set();
  for (const entry of risky) {
    const key = lineKey(entry.path, entry.line);
    riskyKeys.add(key);
    const found = byLine.has(key);
    const counts = family(entry.family);
    counts.risky += 1;
    counts.found += found ? 1 : 0;
    if (!entry.placeholder) {
      counts.realistic += 1;
      counts.realisticFound += found ? 1 : 0;
    }
    const triaged = entry[scanner] === 'true';
    if (found && !triaged) improvements.push(`now found: ${key} (${entry.expect})`);
    if (!found && triaged) regressions.push(`no longer found: ${key} (${entry.expect})`);
  }
  const untriaged = [];
  const raised = new Set(findings.map((finding) => `${lineKey(finding.path, finding.line)} ${finding.ruleId}`));
  for (const [key, entry] of judged) if (!raised.has(key) && entry.verdict === 'false') gone.push(`false alarm gone: ${key}`);
  for (const [key, list] of byLine) {
    if (riskyKeys.has(key)) continue;
    for (const finding of list) {
      const verdict = judged.get(`${key} ${finding.ruleId}`);
      if (!verdict) {
        untriaged.push(`${key} ${finding.ruleId}`);
        continue;
      }
      const counts = family(ruleFamily(finding.ruleId));
      if (verdict.verdict === 'false') counts.falseAlarms += 1;
      else if (verdict.verdict === 'fixture') counts.fixtures += 1;
      else counts.informative += 1;
    }
  }
  const total = emptyFamily();
  for (const counts of families.values()) for (const field of Object.keys(total)) total[field] += counts[field];
  return { families, total, findings: findings.length, untriaged, regressions, improvements, gone };
}
