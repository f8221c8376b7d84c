import { aiRules } from './catalogue/ai.js';
import { businessAppRules } from './catalogue/business-apps.js';
import { azureRules } from './catalogue/azure.js';
import { cloudRules } from './catalogue/cloud.js';
import { codeCredentialRules } from './catalogue/code-credentials.js';
import { codeHostRules } from './catalogue/code-hosts.js';
import { commandLineRules } from './catalogue/command-lines.js';
import { commerceRules } from './catalogue/commerce.js';
import { configFileRules } from './catalogue/config-files.js';
import { connectionRules } from './catalogue/connections.js';
import { dataApiRules } from './catalogue/data-apis.js';
import { devopsRules } from './catalogue/devops.js';
import { devtoolRules } from './catalogue/devtools.js';
import { frameworkRules } from './catalogue/frameworks.js';
import { genericRules } from './catalogue/generic.js';
import { hashRules } from './catalogue/hashes.js';
import { hostingRules } from './catalogue/hosting.js';
import { keyRules } from './catalogue/keys.js';
import { longTailARules } from './catalogue/long-tail-a.js';
import { messagingRules } from './catalogue/messaging.js';
import { observabilityRules } from './catalogue/observability.js';
import { passwordRules } from './catalogue/passwords.js';
import { platformTokenRules } from './catalogue/platform-tokens.js';
import { paymentRules } from './catalogue/payments.js';
import { registryRules } from './catalogue/registries.js';
import { saasRules } from './catalogue/saas.js';
import { storeRules } from './catalogue/stores.js';
import { toolStoreRules } from './catalogue/tool-stores.js';
import type { Rule } from './types.js';

export type { Rule, Severity, SecretFacts } from './types.js';
export { SEVERITIES } from './types.js';

/**
 * Every built-in rule. Order matters where two specific rules match the same text: the earlier one is reported.
 * Generic rules come last; any specific match shadows them.
 */
export const builtinRules: readonly Rule[] = [
  ...cloudRules,
  ...azureRules,
  ...hostingRules,
  ...codeHostRules,
  ...registryRules,
  ...messagingRules,
  ...paymentRules,
  ...commerceRules,
  ...aiRules,
  ...observabilityRules,
  ...devopsRules,
  ...devtoolRules,
  ...saasRules,
  ...longTailARules,
  ...businessAppRules,
  ...dataApiRules,
  ...platformTokenRules,
  ...keyRules,
  ...connectionRules,
  ...commandLineRules,
  ...configFileRules,
  ...frameworkRules,
  ...storeRules,
  ...hashRules,
  ...toolStoreRules,
  ...codeCredentialRules,
  ...passwordRules,
  ...genericRules,
];
