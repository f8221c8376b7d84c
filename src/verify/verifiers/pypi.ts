import type { Outcome, Verifier } from '../types.js';

/**
 * PyPI upload tokens have no read-only check: PyPI documents tokens for uploading only and has no endpoint that
 * tells a valid token from a revoked one without an upload attempt (pypa/warehouse#6407 asks for one). Keyward never
 * uploads to find out, so the verdict is always unknown, with that reason, and nothing is sent.
 */
export const pypiVerifier: Verifier = {
  id: 'pypi',
  rules: ['pypi-upload-token', 'pypi-test-upload-token'],
  baseUrl: 'https://upload.pypi.org',
  ratePerSecond: 1,
  verify(): Promise<Outcome> {
    return Promise.resolve({ status: 'unknown', reason: 'PyPI has no read-only way to check an upload token; Keyward does not attempt an upload' });
  },
};
