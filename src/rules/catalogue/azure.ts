import { named, rule, token } from '../build.js';
import type { Rule } from '../types.js';

/**
 * Microsoft's identifiable keys (Microsoft Security Utilities, the layouts Purview's classifiers and GitHub's secret
 * scanning use): a service signature at a fixed offset inside base64 of a fixed length. 64-byte keys are 76 characters,
 * the 4-character signature, 5 more and a padding-aware last character; 32-byte keys are 33, signature, 5, last, `=`.
 */
const KEY64 = (signature: string) => `<b64:76>${signature}<b64:5><[AQgw]:1>==`;
const KEY32 = (signature: string) => `<b64:33>${signature}<b64:5><[AEIMQUYcgkosw048]:1>=`;
const PORTAL = 'https://portal.azure.com/';
const ROTATE = 'Regenerate the key in the Azure portal (the resource\'s Keys / Access keys blade), then move the app to Microsoft Entra ID or a managed identity.';

export const azureRules: Rule[] = [
  // Microsoft: the current Azure DevOps PAT is 84 characters, AZDO at positions 77-80 (52 of them random).
  token({ id: 'azure-devops-pat', title: 'Azure DevOps personal access token', provider: 'Azure DevOps', severity: 'high', shape: '<alnum:76>AZDO<alnum:4>', longLived: true, revokeUrl: 'https://dev.azure.com/_usersSettings/tokens' }),
  token({ id: 'azure-storage-identifiable-key', title: 'Azure Storage account key (identifiable)', provider: 'Azure Storage', severity: 'critical', shape: KEY64('+ASt'), keywords: ['+ast'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage', remediation: ROTATE }),
  token({ id: 'azure-cosmosdb-key', title: 'Azure Cosmos DB account key', provider: 'Azure Cosmos DB', severity: 'critical', shape: KEY64('ACDb'), longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/cosmos-db/how-to-rotate-keys', remediation: ROTATE }),
  token({ id: 'azure-batch-key', title: 'Azure Batch account key', provider: 'Azure Batch', severity: 'high', shape: KEY64('+ABa'), keywords: ['+aba'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-apim-key', title: 'Azure API Management key', provider: 'Azure API Management', severity: 'high', shape: KEY64('APIM'), longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  // The password of API Management's configuration Git repository: `git&`, its expiry (yyyyMMddHHmm), `&` and a
  // 64-byte signature in base64.
  token({ id: 'azure-apim-git-password', title: 'Azure API Management Git repository password', provider: 'Azure API Management', severity: 'high', shape: 'git&<digit:12>&<b64:85><[AQgw]:1>==', keywords: ['git&'], longLived: false, revokeUrl: PORTAL, remediation: 'Regenerate the API Management access keys (Deployment and infrastructure > Repository), which invalidates Git passwords made from them.' }),
  token({ id: 'azure-ml-classic-key', title: 'Azure Machine Learning (classic) web service key', provider: 'Azure Machine Learning', severity: 'high', shape: KEY64('+AMC'), keywords: ['+amc'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-service-bus-key', title: 'Azure Service Bus shared access key (identifiable)', provider: 'Azure Service Bus', severity: 'high', shape: KEY32('+ASb'), keywords: ['+asb'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/service-bus-messaging/service-bus-sas', remediation: ROTATE }),
  token({ id: 'azure-event-hubs-key', title: 'Azure Event Hubs shared access key (identifiable)', provider: 'Azure Event Hubs', severity: 'high', shape: KEY32('+AEh'), keywords: ['+aeh'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-relay-key', title: 'Azure Relay shared access key (identifiable)', provider: 'Azure Relay', severity: 'high', shape: KEY32('+ARm'), keywords: ['+arm'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-iot-key', title: 'Azure IoT Hub / Device Provisioning shared access key', provider: 'Azure IoT', severity: 'high', shape: KEY32('AIoT'), longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-cache-redis-key', title: 'Azure Cache for Redis access key', provider: 'Azure Cache for Redis', severity: 'high', shape: '<alnum:33>AzCa<[A-P]:1><alnum:5>=', longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-function-key', title: 'Azure Functions key', provider: 'Azure Functions', severity: 'high', shape: '<b64url:44>AzFu<b64url:5><[AQgw]:1>==', longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/azure-functions/function-keys-how-to', remediation: ROTATE }),
  token({ id: 'azure-search-key', title: 'Azure AI Search admin or query key', provider: 'Azure AI Search', severity: 'high', shape: '<alnum:42>AzSe<[A-D]:1><alnum:5>', longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/search/search-security-api-keys', remediation: ROTATE }),
  token({ id: 'azure-container-registry-key', title: 'Azure Container Registry access key', provider: 'Azure Container Registry', severity: 'high', shape: '<b64:42>+ACR<[A-D]:1><b64:5>', keywords: ['+acr'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/container-registry/container-registry-authentication', remediation: ROTATE }),
  // Microsoft's common annotated security key (Azure AI services, Azure OpenAI): 52 random, the JQQJ9 marker, a kind.
  token({ id: 'azure-cognitive-services-key', title: 'Azure AI services / OpenAI key (annotated)', provider: 'Azure AI services', severity: 'high', shape: '<alnum:52>JQQJ9<[9DH]:1><alnum:1><[A-L]:1><alnum:16><alpha:1><alnum:7>', keywords: ['jqqj9'], longLived: true, revokeUrl: 'https://learn.microsoft.com/azure/ai-services/rotate-keys', remediation: ROTATE }),
  // App Configuration's connection string: the store's endpoint, the access key's id, then its 32-byte secret.
  rule({
    id: 'azure-app-configuration-connection-string',
    title: 'Azure App Configuration connection string (access key secret)',
    provider: 'Azure App Configuration',
    severity: 'high',
    keywords: ['.azconfig.io'],
    pattern: String.raw`(?i)\.azconfig\.io/?;Id=[A-Za-z0-9:+/=-]{4,64};Secret=([A-Za-z0-9+/]{43}=)`,
    entropy: 3.5,
    longLived: true,
    revokeUrl: 'https://learn.microsoft.com/azure/azure-app-configuration/howto-disable-access-key-authentication',
    remediation: 'Regenerate the access key (App Configuration > Settings > Access settings), then move the app to Microsoft Entra ID or a managed identity.',
    examples: {
      positives: ['APP_CONFIG="Endpoint=https://demo-settings.azconfig.io;Id=<alnum:4>-<alnum:2>-<alnum:2>:<b64:20>;Secret=<b64:43>="', 'conn = "https://demo.azconfig.io;Id=<alnum:4>-l0-s0:<b64:20>;Secret=<b64:43>="'],
      negatives: ['APP_CONFIG="Endpoint=https://demo-settings.azconfig.io;Id=<alnum:4>-<alnum:2>-<alnum:2>:<b64:20>;Secret=<b64:20>="', 'APP_CONFIG="Endpoint=https://demo-settings.azconfig.io;Id=<alnum:4>-<alnum:2>-<alnum:2>:<b64:20>;Secret=${APP_CONFIG_SECRET}"'],
    },
  }),
  // Microsoft Entra ID refresh tokens are opaque, but keep one layout: a version digit, `.A` and the client's part, then
  // `.Ag` and the encrypted body (hundreds of characters), as MSAL and the Azure CLI cache them.
  rule({
    id: 'azure-entra-refresh-token',
    title: 'Microsoft Entra ID (Azure AD) refresh token',
    provider: 'Microsoft Entra ID',
    severity: 'high',
    keywords: ['0.a', '1.a'],
    pattern: String.raw`(?:^|[^A-Za-z0-9_.-])([01]\.A[A-Za-z0-9_-]{50,300}(?:\.[0-9])?\.Ag[A-Za-z0-9_-]{250,1000})`,
    entropy: 4,
    longLived: true,
    revokeUrl: 'https://learn.microsoft.com/graph/api/user-revokesigninsessions',
    remediation: "Revoke the user's refresh tokens (Entra admin center > Users > Revoke sessions, or Graph revokeSignInSessions), then remove it from the code and its history.",
    examples: {
      positives: ['"refresh_token": "0.A<word:60>.AgABAAEAAAD<word:400>"', 'AAD_REFRESH_TOKEN=1.A<word:54>.AgABAwEAAAD<word:600>'],
      negatives: ['"refresh_token": "0.A<word:60>.AgABAAEAAAD<word:40>"', '"refresh_token": "2.A<word:60>.AgABAAEAAAD<word:400>"', 'version = "0.A<word:60>"'],
    },
  }),
  // Azure OpenAI keys are 32 hex characters (OpenAI's own keys start with sk-): only a name saying whose counts.
  named('azure-openai-api-key', 'Azure OpenAI API key', 'Azure OpenAI', ['azure_openai', 'azureopenai', 'azure-openai', 'azure.openai', 'openai'], '<hex:32>', 'https://learn.microsoft.com/azure/ai-services/rotate-keys', { remediation: ROTATE }),
  // API Management subscription keys (primary and secondary) are 32 hex characters, sent as Ocp-Apim-Subscription-Key.
  named('azure-apim-subscription-key', 'Azure API Management subscription key', 'Azure API Management', ['ocp-apim-subscription-key', 'ocp_apim_subscription_key', 'apim_subscription_key', 'apim-subscription-key', 'apimsubscriptionkey', 'api_management_subscription_key', 'apimanagementsubscriptionkey'], '<anyhex:32>', 'https://learn.microsoft.com/azure/api-management/api-management-subscriptions', { bare: true, remediation: 'Regenerate the subscription key in the API Management instance (APIs > Subscriptions), then remove it from the code and its history.' }),
];
