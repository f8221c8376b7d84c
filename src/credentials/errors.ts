import type { Cloud } from './types.js';

/** A swap failure with the provider's own code and a hint naming the fix. Messages never carry a credential. */
export class CredentialError extends Error {
  readonly cloud: Cloud | 'oidc' | 'guard' | 'input';
  readonly code: string | undefined;
  readonly hint: string | undefined;

  constructor(cloud: CredentialError['cloud'], message: string, options: { code?: string; hint?: string; cause?: unknown } = {}) {
    super(options.hint ? `${message}\nHint: ${options.hint}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CredentialError';
    this.cloud = cloud;
    this.code = options.code;
    this.hint = options.hint;
  }
}
