export type { Finding, CommitRef, ScanNotice, OwnerRef, ExpiryInfo } from './finding.js';
export type { KeywardConfig, CustomRuleSpec } from './config/types.js';
export type { Scanner, ScanResult } from './types.js';
export { createScanner, activeRules, type CreateScannerOptions } from './scanner.js';
export { defaultConfig } from './config/defaults.js';
export { regexBackend, regexBackends, nativeRegexUnavailableReason } from './regex.js';
export { redact, fingerprint } from './redact.js';
export { loadConfig, parseConfig, findConfigFile, ConfigError, CONFIG_FILE_NAMES, type ConfigProblem } from './config/load.js';
export { loadBaseline } from './baseline.js';
