/** `keyward --help` and each command's `--help`. */

export const COMMAND_HELP: Record<string, string> = {
  scan: `Usage: keyward scan [PATH...] [options]

Scans files and directory trees (default .; a tree respects .gitignore in a git work tree). PATH may be a file, a
directory, or - for standard input; several may be given.

Git modes (one repository PATH, default .):
  --diff BASE...HEAD      Lines added by the commits on HEAD since it left BASE (PR mode; git's three-dot meaning)
  --diff BASE..HEAD       Lines added between the two trees, as \`git diff BASE..HEAD\` shows them (two-dot)
  --push BEFORE..AFTER    The commits of a push (BEFORE may be empty or all zeros for a new branch)
  --staged                Staged changes (pre-commit hook)
  --history               Every commit reachable from all refs (--since REV, --branch NAME to narrow)

Options:
  -f, --format text|json|sarif   Output format (default text)
  -o, --output FILE       Write the report to FILE (its folder is created) instead of standard output
  -c, --config FILE       Config file (default .keyward.yml or .github/keyward.yml, else .gitleaks.toml)
  --baseline FILE         Accepted fingerprints (a previous JSON report or a list)
  --fail-on SEVERITY      critical|high|medium|low|info (default from config, else high)
  --no-block-long-lived   Do not fail on long-lived credentials below the threshold
  --verify                Ask each finding's own provider (fixed https host) whether it is live: active, inactive
                          or unknown, with the identity and expiry it reports (off by default: it sends the secret)
  --fail-on-active        Fail only on credentials verified active; list the rest (implies --verify)
  -q, --quiet             No progress bar and no summary on standard error
  --progress              Show the progress bar even when standard error is not a terminal
  --color, --no-color     Force colours on or off (default: on for a terminal; NO_COLOR and FORCE_COLOR apply)

Exit status: 0 nothing fails the policy, 1 findings that fail it, 2 error.`,
  rules: `Usage: keyward rules [--format text|json] [--output FILE]

Lists the built-in rules: id, severity, whether the credential is long-lived, title.`,
  'audit-workflows': `Usage: keyward audit-workflows [PATH] [--format text|json] [--output FILE]

Flags workflows under PATH/.github/workflows that feed long-lived cloud keys to jobs, with OIDC replacements.
Exit status 1 when a finding is high or above.`,
  'audit-secrets': `Usage: keyward audit-secrets [PATH] [--repo OWNER/NAME] [--fail-on SEVERITY] [--format text|json] [--output FILE]

Lists the repository's Actions secrets through the API (GITHUB_TOKEN; --repo defaults to the origin remote):
orphaned, missing, over-age, expired and unowned secrets. Exit status 1 at --fail-on (default high) or above.`,
  'inventory init': `Usage: keyward inventory init [PATH] [--repo OWNER/NAME] [--output FILE]

Drafts .github/nhi.yml from the workflows' secrets, and from the repository's secrets listed through the API when
GITHUB_TOKEN is set. An existing file is not overwritten: the merged draft is printed instead.`,
  'baseline migrate': `Usage: keyward baseline migrate FILE [PATH] [--history] [scan options]

Rewrites the old unkeyed (sha256) fingerprints in baseline FILE to keyed (HMAC-SHA256) ones, in the file's own format.
Scans PATH (default .; --history for secrets found only in history) with FILE as the baseline; each entry a finding
matched by its old fingerprint is replaced. Use the same KEYWARD_FINGERPRINT_KEY or repository as the runs that read it.`,
  'inventory check': `Usage: keyward inventory check [PATH] [--format text|json] [--output FILE]

Validates .github/nhi.yml: every problem with file, line and field. Exit status 1 on errors.`,
  'config import-gitleaks': `Usage: keyward config import-gitleaks [PATH] [--output FILE]

Reads PATH/.gitleaks.toml (following [extend] path) and PATH/.gitleaksignore and writes the equivalent
.keyward.yml (default PATH/.keyward.yml; an existing one is not overwritten unless named with --output; - prints it).
Every setting that could not be mapped is named on standard error and in the file's header.
Without a .keyward.yml, \`keyward scan\` and the Action read the gitleaks files this way on their own.`,
};

export const USAGE = `Usage: keyward <command> [options]

Commands:
  scan [PATH...]            Scan files, directories or - (stdin); --diff, --push, --staged, --history for git
  audit-workflows [PATH]    Flag workflows that feed long-lived cloud keys to jobs, with OIDC replacements
  audit-secrets [PATH]      The repository's Actions secrets through the API: orphaned, over-age, unowned
  inventory init [PATH]     Draft .github/nhi.yml
  inventory check [PATH]    Validate .github/nhi.yml
  baseline migrate FILE     Rewrite old unkeyed fingerprints in a baseline to keyed ones
  config import-gitleaks    Write .keyward.yml from .gitleaks.toml and .gitleaksignore
  rules                     List the built-in rules

Options: -h, --help (also after a command: keyward scan --help), -v, --version
Exit status: 0 nothing at or above the threshold, 1 findings that fail the policy, 2 error.`;
