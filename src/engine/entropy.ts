/** The generic-value judgments live with the rules (src/rules/values), below the engine; re-exported for the engine's callers. */
export { charClasses, decodeBase64Text, hasSecretPart, hasUrlPassword, rejectGenericValue, shannonEntropy } from '../rules/values/generic.js';
export type { CharClasses } from '../rules/values/generic.js';
