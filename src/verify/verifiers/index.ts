import type { Verifier } from '../types.js';

/** Every verifier Keyward has, one module per provider next to this file. */
export const VERIFIERS: readonly Verifier[] = [
  // verify-core: aws, github
  // verify-a
  // verify-b
];
