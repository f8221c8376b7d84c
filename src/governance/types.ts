/** Where an Actions secret is defined. */
export type SecretScope = 'repository' | 'environment' | 'organization';

/** An Actions secret as the REST API lists it: names and dates only, never values. */
export interface SecretInfo {
  name: string;
  scope: SecretScope;
  /** For environment secrets. */
  environment?: string;
  /** ISO 8601. */
  createdAt?: string;
  /** ISO 8601: the last time the value was set, i.e. the last rotation. */
  updatedAt?: string;
  /** For organization secrets: `all`, `private` or `selected`. */
  visibility?: string;
}
