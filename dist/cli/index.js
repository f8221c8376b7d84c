#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9615:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  eb: () => (/* binding */ UsageError),
  BK: () => (/* binding */ helpText),
  wE: () => (/* binding */ parseCli)
});

// UNUSED EXPORTS: FORMATS, USAGE

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
// EXTERNAL MODULE: ./src/rules/types.ts
var types = __nccwpck_require__(3182);
;// CONCATENATED MODULE: ./src/cli/suggest.ts
/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short words. */
function distance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++)
        rows[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, rows[i - 2][j - 2] + 1);
            rows[i][j] = best;
        }
    }
    return rows[a.length][b.length];
}
/** The candidate closest to `word` (a typo's likely meaning), if any is close enough to suggest. */
function closest(word, candidates) {
    let best;
    let bestScore = Infinity;
    for (const candidate of candidates) {
        const score = candidate.startsWith(word) && word.length >= 3 ? 0.5 : distance(word, candidate);
        if (score < bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return bestScore <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

;// CONCATENATED MODULE: ./src/cli/usage.ts
/** `keyward --help` and each command's `--help`. */
const COMMAND_HELP = {
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
const USAGE = `Usage: keyward <command> [options]

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

;// CONCATENATED MODULE: ./src/cli/args.ts





/** A mistake in how keyward was called: printed as one line, exit status 2. */
class UsageError extends Error {
}
const FORMATS = ['text', 'json', 'sarif'];
const OPTIONS = {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    baseline: { type: 'string' },
    'fail-on': { type: 'string' },
    repo: { type: 'string' },
    'no-block-long-lived': { type: 'boolean' },
    diff: { type: 'string' },
    push: { type: 'string' },
    staged: { type: 'boolean' },
    history: { type: 'boolean' },
    since: { type: 'string' },
    branch: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    progress: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    color: { type: 'boolean' },
    verify: { type: 'boolean' },
    'fail-on-active': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
};
const ALWAYS = ['help', 'version'];
/** The options each command takes; the key is the command as typed (`inventory init`). */
const COMMAND_OPTIONS = {
    scan: ['format', 'output', 'config', 'baseline', 'fail-on', 'no-block-long-lived', 'diff', 'push', 'staged', 'history', 'since', 'branch', 'quiet', 'progress', 'no-color', 'color', 'verify', 'fail-on-active'],
    rules: ['format', 'output'],
    'audit-workflows': ['format', 'output'],
    'audit-secrets': ['format', 'output', 'repo', 'fail-on'],
    'inventory init': ['output', 'repo'],
    'inventory check': ['format', 'output'],
    'config import-gitleaks': ['output'],
    'baseline migrate': ['config', 'history', 'since', 'branch', 'quiet'],
};
const COMMAND_NAMES = ['scan', 'rules', 'audit-workflows', 'audit-secrets', 'inventory', 'config', 'baseline', 'help'];
const SUBCOMMANDS = { inventory: ['init', 'check'], config: ['import-gitleaks'], baseline: ['migrate'] };
const flag = (name) => (name.length === 1 ? `-${name}` : `--${name}`);
function unknownOption(option, command) {
    const allowed = command && COMMAND_OPTIONS[command] ? [...COMMAND_OPTIONS[command], ...ALWAYS] : Object.keys(OPTIONS);
    const name = option.replace(/^-+/, '').split('=')[0];
    const hint = closest(name, allowed);
    const help = command ? `keyward ${command} --help` : 'keyward --help';
    return new UsageError(`unknown option ${option}${hint ? `; did you mean --${hint}?` : ''} (${help} lists the options)`);
}
/** The command as typed, e.g. `inventory init`, and the positionals after it. */
function splitCommand(positionals) {
    const [first, second, ...others] = positionals;
    if (!first)
        return { rest: [] };
    if (!COMMAND_NAMES.includes(first)) {
        const hint = closest(first, COMMAND_NAMES);
        throw new UsageError(`unknown command "${first}"${hint ? `; did you mean \`keyward ${hint}\`?` : ''} (keyward --help lists the commands)`);
    }
    const subs = SUBCOMMANDS[first];
    if (!subs)
        return { command: first, rest: positionals.slice(1) };
    if (!second || !subs.includes(second)) {
        const hint = second ? closest(second, subs) : undefined;
        throw new UsageError(`usage: keyward ${first} ${subs.join('|')}${hint ? `; did you mean \`keyward ${first} ${hint}\`?` : ''}`);
    }
    return { command: `${first} ${second}`, rest: others };
}
function parseFailOn(raw) {
    if (raw === undefined)
        return undefined;
    const value = raw.toLowerCase();
    if (!types/* SEVERITIES */.o.includes(value))
        throw new UsageError(`--fail-on must be one of ${types/* SEVERITIES */.o.join(', ')}, not "${raw}"${closest(value, types/* SEVERITIES */.o) ? `; did you mean ${closest(value, types/* SEVERITIES */.o)}?` : ''}`);
    return value;
}
function parseFormat(raw) {
    const format = (raw ?? 'text');
    if (!FORMATS.includes(format))
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${raw}"${closest(String(raw), FORMATS) ? `; did you mean ${closest(String(raw), FORMATS)}?` : ''}`);
    return format;
}
function tokenize(argv) {
    const commandGuess = splitCommandQuietly(argv);
    try {
        return (0,external_node_util_.parseArgs)({ args: argv, allowPositionals: true, tokens: true, options: OPTIONS });
    }
    catch (error) {
        const code = error.code;
        const message = error.message;
        if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
            throw unknownOption(/'([^']+)'/.exec(message)?.[1] ?? '?', commandGuess);
        const missing = /Option '(?:-\w, )?(--[\w-]+)/.exec(message);
        if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && missing)
            throw new UsageError(`${missing[1]} needs a value (${commandGuess ? `keyward ${commandGuess} --help` : 'keyward --help'})`);
        throw new UsageError(message.split('\n')[0]);
    }
}
/** The command named in argv, for the hints of an error found before the command is known. */
function splitCommandQuietly(argv) {
    const words = argv.filter((arg) => !arg.startsWith('-'));
    if (words[0] && SUBCOMMANDS[words[0]] && words[1])
        return `${words[0]} ${words[1]}`;
    return words[0] && COMMAND_OPTIONS[words[0]] ? words[0] : undefined;
}
function parseCli(argv) {
    const { values, positionals, tokens } = tokenize(argv);
    if (values.version)
        return { command: 'version', path: '.', format: 'text' };
    if (positionals[0] === 'help')
        return { command: 'help', path: '.', format: 'text', topic: positionals.slice(1).join(' ') || undefined };
    const { command, rest } = values.help && !positionals[0] ? { command: undefined, rest: [] } : splitCommand(positionals);
    if (values.help || !command)
        return { command: 'help', path: '.', format: 'text', topic: command };
    const allowed = COMMAND_OPTIONS[command];
    for (const token of tokens) {
        if (token.kind === 'option' && !allowed.includes(token.name) && !ALWAYS.includes(token.name)) {
            throw new UsageError(`${flag(token.name)} is not an option of \`keyward ${command}\` (keyward ${command} --help lists its options)`);
        }
    }
    const repo = values.repo;
    if (repo !== undefined && !/^[\w.-]+\/[\w.-]+$/.test(repo))
        throw new UsageError(`--repo takes OWNER/NAME, not "${repo}"`);
    if (command === 'scan')
        return parseScan(values, rest);
    if (command === 'baseline migrate') {
        const [file, ...paths] = rest;
        if (!file)
            throw new UsageError('usage: keyward baseline migrate FILE [PATH]');
        return { ...parseScan(values, paths), command: 'baseline-migrate', file };
    }
    if (rest.length > 1)
        throw new UsageError(`keyward ${command} takes one PATH, got ${rest.length} (keyward ${command} --help)`);
    const common = { path: rest[0] ?? '.', format: parseFormat(values.format), output: values.output };
    switch (command) {
        case 'audit-secrets':
            return { command, ...common, repo, failOn: parseFailOn(values['fail-on']) };
        case 'rules':
        case 'audit-workflows':
            return { command, ...common };
        case 'inventory check':
            return { command: 'inventory-check', ...common };
        case 'inventory init':
            return { command: 'inventory-init', ...common, repo };
        default:
            return { command: 'import-gitleaks', ...common };
    }
}
function parseRange(raw, option, example) {
    const match = /^(.*?)(\.\.\.?)(.+)$/.exec(raw);
    if (!match)
        throw new UsageError(`${option} takes ${example}, not "${raw}"`);
    return { from: match[1], to: match[3], dots: match[2] };
}
function parseScan(values, paths) {
    const modes = [values.diff !== undefined, values.push !== undefined, values.staged === true, values.history === true].filter(Boolean).length;
    if (modes > 1)
        throw new UsageError('choose one of --diff, --push, --staged, --history');
    if ((values.since || values.branch) && !values.history)
        throw new UsageError('--since and --branch go with --history');
    if (modes > 0 && (paths.length > 1 || paths[0] === '-'))
        throw new UsageError('the git modes scan one repository: give at most one PATH, a directory');
    if (paths.filter((path) => path === '-').length > 1)
        throw new UsageError('- (standard input) can be given once');
    let diff;
    if (values.diff !== undefined) {
        const range = parseRange(values.diff, '--diff', 'BASE...HEAD or BASE..HEAD');
        if (!range.from)
            throw new UsageError(`--diff needs a BASE before ${range.dots}, as in main${range.dots}HEAD`);
        diff = { base: range.from, head: range.to, range: range.dots === '...' ? 'three-dot' : 'two-dot' };
    }
    let push;
    if (values.push !== undefined) {
        const range = parseRange(values.push, '--push', 'BEFORE..AFTER');
        push = { after: range.to };
        if (range.from && !/^0+$/.test(range.from))
            push.before = range.from;
    }
    return {
        command: 'scan',
        paths: paths.length > 0 ? paths : ['.'],
        format: parseFormat(values.format),
        output: values.output,
        config: values.config,
        baseline: values.baseline,
        failOn: parseFailOn(values['fail-on']),
        blockLongLived: values['no-block-long-lived'] ? false : undefined,
        diff,
        push,
        staged: values.staged === true,
        history: values.history === true,
        since: values.since,
        branch: values.branch,
        quiet: values.quiet === true,
        progress: values.progress === true,
        color: values['no-color'] ? false : values.color ? true : undefined,
        verify: values.verify === true || values['fail-on-active'] === true,
        failOnActive: values['fail-on-active'] === true,
    };
}
/** The help text for `topic` (a command as typed), or the overview. */
function helpText(topic) {
    if (topic === undefined)
        return USAGE;
    const help = COMMAND_HELP[topic];
    if (help)
        return help;
    const hint = closest(topic, Object.keys(COMMAND_HELP));
    throw new UsageError(`no help for "${topic}"${hint ? `; did you mean \`keyward help ${hint}\`?` : ''}`);
}


/***/ }),

/***/ 3182:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ SEVERITIES)
/* harmony export */ });
/** Severity levels, ordered from most to least severe. */
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];


/***/ }),

/***/ 6915:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   He: () => (/* binding */ workersFromEnv),
/* harmony export */   Zx: () => (/* binding */ defaultWorkerCount),
/* harmony export */   hm: () => (/* binding */ bundledEntryExists),
/* harmony export */   u2: () => (/* binding */ workerBundleUrl),
/* harmony export */   vZ: () => (/* binding */ isBundledEntry)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);




/**
 * Whether `entry` can start a worker thread: a `file:` URL of a bundled JavaScript entry point. TypeScript sources
 * (under the test runner) cannot be loaded by a worker, so with them everything runs in the calling thread.
 */
function isBundledEntry(entry) {
    return entry !== undefined && entry.startsWith('file:') && !/\.[cm]?ts$/.test(entry);
}
/** As isBundledEntry, and the file is there. */
function bundledEntryExists(entry) {
    return isBundledEntry(entry) && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(entry));
}
/** Worker threads besides the calling one, which scans too: one per core but one, between 1 and 3. */
/** The worker count `KEYWARD_WORKERS` asks for, or undefined when it is not set (then the default applies). */
function workersFromEnv(env) {
    return env.KEYWARD_WORKERS === undefined ? undefined : Number(env.KEYWARD_WORKERS);
}
function defaultWorkerCount() {
    return Math.min(3, Math.max(1, (0,node_os__WEBPACK_IMPORTED_MODULE_1__.availableParallelism)() - 1));
}
/**
 * The worker bundle (dist/worker/index.js) as a URL, from the `import.meta.url` of a bundle in dist/ or one folder
 * below it. Built from a variable path on purpose: the bundler would turn `new URL('literal', import.meta.url)` into
 * an asset of its own.
 */
function workerBundleUrl(entryUrl, relative) {
    return (0,node_url__WEBPACK_IMPORTED_MODULE_3__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(entryUrl)), relative)).href;
}


/***/ }),

/***/ 3840:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QO: () => (/* binding */ prestartScanWorkers),
/* harmony export */   ez: () => (/* binding */ prestartedCount),
/* harmony export */   hx: () => (/* binding */ adoptPrestarted)
/* harmony export */ });
/* unused harmony export PRESTARTED */
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _worker_entry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6915);



/** What a prestarted scan worker gets as workerData: no configuration yet, its first message brings it. */
const PRESTARTED = { keyward: 'scan-worker' };
/** Scan workers started ahead of any pool, by entry URL, waiting for a pool to adopt them. */
const waiting = new Map();
/**
 * Starts `count` scan workers from the bundle at `entry` before the caller loads its own bundle and configuration.
 * A worker spends a few hundred milliseconds loading its bundle and building its rules; started here, that overlaps
 * the caller's own start-up instead of following it. Kept in no import graph but node's: an entry point calls this
 * first, then imports the rest. A pool for the same entry adopts them and sends each its configuration; workers never
 * adopted are unref'd and end with the process. Does nothing without a bundled entry (TypeScript under the tests).
 */
function prestartScanWorkers(entry, count) {
    if (count <= 0 || !(0,_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .bundledEntryExists */ .hm)(entry))
        return;
    const workers = waiting.get(entry) ?? [];
    waiting.set(entry, workers);
    for (let i = 0; i < count; i++) {
        const worker = new node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.Worker((0,node_url__WEBPACK_IMPORTED_MODULE_0__.fileURLToPath)(entry), { workerData: PRESTARTED });
        worker.unref();
        // One that failed before a pool took it is dropped: the pool starts its own, which reports the failure.
        worker.once('error', () => {
            const at = workers.indexOf(worker);
            if (at !== -1)
                workers.splice(at, 1);
        });
        workers.push(worker);
    }
}
/** A prestarted worker for `entry`, now the caller's, or undefined when none is waiting. */
function adoptPrestarted(entry) {
    return waiting.get(entry)?.shift();
}
function prestartedCount(entry) {
    return waiting.get(entry)?.length ?? 0;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9615);
/* harmony import */ var _sources_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6915);
/* harmony import */ var _sources_worker_prestart_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3840);




/** Whether these arguments ask for a scan of at least one directory (not a git mode, which uses other workers). */
function scansATree(argv) {
    try {
        const args = (0,_args_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCli */ .wE)(argv);
        if (args.command !== 'scan' || args.diff || args.push || args.staged || args.history)
            return false;
        return args.paths.some((path) => path !== '-' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(path, { throwIfNoEntry: false })?.isDirectory() === true);
    }
    catch {
        return false; // main reports the mistake
    }
}
// The rest of the CLI is imported only after the scan workers are on their way: loading this bundle takes a few
// hundred milliseconds, which the workers spend loading theirs on the other cores.
const workers = (0,_sources_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .workersFromEnv */ .He)(process.env) ?? (0,_sources_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultWorkerCount */ .Zx)();
if (workers > 0 && scansATree(process.argv.slice(2)))
    (0,_sources_worker_prestart_js__WEBPACK_IMPORTED_MODULE_3__/* .prestartScanWorkers */ .QO)((0,_sources_worker_entry_js__WEBPACK_IMPORTED_MODULE_2__/* .workerBundleUrl */ .u2)(import.meta.url, '../worker/index.js'), workers);
Promise.all(/* import() */[__nccwpck_require__.e(480), __nccwpck_require__.e(128)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5128)).catch((error) => {
    process.stderr.write(`keyward: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});

