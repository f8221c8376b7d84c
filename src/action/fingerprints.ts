import * as core from '@actions/core';
import { fingerprintKey, type Finding, type KeywardConfig } from '../engine/index.js';
import { legacyBaselineAdvice } from '../engine/baseline.js';
import { info } from './log.js';

/** Keys the run's fingerprints (see fingerprintKey); a secret key is masked before anything could print it. */
export function applyFingerprintKey(config: KeywardConfig, env: NodeJS.ProcessEnv): void {
  if (env.KEYWARD_FINGERPRINT_KEY) core.setSecret(env.KEYWARD_FINGERPRINT_KEY);
  const key = fingerprintKey(env);
  config.fingerprintKey = key.key;
  info(`Fingerprints: HMAC-SHA256 keyed by ${key.source}.`);
}

/** A notice when the baseline still holds old unkeyed fingerprints that this run matched. */
export function noticeLegacyBaseline(findings: readonly Finding[], baselineFile: string | undefined): void {
  const advice = legacyBaselineAdvice(findings, baselineFile ?? 'the baseline');
  if (advice) core.notice(advice);
}
