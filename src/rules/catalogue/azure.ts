import { token } from '../build.js';
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
  token({ id: 'azure-storage-identifiable-key', title: 'Azure Storage account key (identifiable)', provider: 'Azure Storage', severity: 'critical', shape: KEY64('+ASt'), keywords: ['+ast'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-cosmosdb-key', title: 'Azure Cosmos DB account key', provider: 'Azure Cosmos DB', severity: 'critical', shape: KEY64('ACDb'), longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-batch-key', title: 'Azure Batch account key', provider: 'Azure Batch', severity: 'high', shape: KEY64('+ABa'), keywords: ['+aba'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-apim-key', title: 'Azure API Management key', provider: 'Azure API Management', severity: 'high', shape: KEY64('APIM'), longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  // The password of API Management's configuration Git repository: `git&`, its expiry (yyyyMMddHHmm), `&` and a
  // 64-byte signature in base64.
  token({ id: 'azure-apim-git-password', title: 'Azure API Management Git repository password', provider: 'Azure API Management', severity: 'high', shape: 'git&<digit:12>&<b64:85><[AQgw]:1>==', keywords: ['git&'], longLived: false, revokeUrl: PORTAL, remediation: 'Regenerate the API Management access keys (Deployment and infrastructure > Repository), which invalidates Git passwords made from them.' }),
  token({ id: 'azure-ml-classic-key', title: 'Azure Machine Learning (classic) web service key', provider: 'Azure Machine Learning', severity: 'high', shape: KEY64('+AMC'), keywords: ['+amc'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-service-bus-key', title: 'Azure Service Bus shared access key (identifiable)', provider: 'Azure Service Bus', severity: 'high', shape: KEY32('+ASb'), keywords: ['+asb'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-event-hubs-key', title: 'Azure Event Hubs shared access key (identifiable)', provider: 'Azure Event Hubs', severity: 'high', shape: KEY32('+AEh'), keywords: ['+aeh'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-relay-key', title: 'Azure Relay shared access key (identifiable)', provider: 'Azure Relay', severity: 'high', shape: KEY32('+ARm'), keywords: ['+arm'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-iot-key', title: 'Azure IoT Hub / Device Provisioning shared access key', provider: 'Azure IoT', severity: 'high', shape: KEY32('AIoT'), longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-cache-redis-key', title: 'Azure Cache for Redis access key', provider: 'Azure Cache for Redis', severity: 'high', shape: '<alnum:33>AzCa<[A-P]:1><alnum:5>=', longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-function-key', title: 'Azure Functions key', provider: 'Azure Functions', severity: 'high', shape: '<b64url:44>AzFu<b64url:5><[AQgw]:1>==', longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-search-key', title: 'Azure AI Search admin or query key', provider: 'Azure AI Search', severity: 'high', shape: '<alnum:42>AzSe<[A-D]:1><alnum:5>', longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  token({ id: 'azure-container-registry-key', title: 'Azure Container Registry access key', provider: 'Azure Container Registry', severity: 'high', shape: '<b64:42>+ACR<[A-D]:1><b64:5>', keywords: ['+acr'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
  // Microsoft's common annotated security key (Azure AI services, Azure OpenAI): 52 random, the JQQJ9 marker, a kind.
  token({ id: 'azure-cognitive-services-key', title: 'Azure AI services / OpenAI key (annotated)', provider: 'Azure AI services', severity: 'high', shape: '<alnum:52>JQQJ9<[9DH]:1><alnum:1><[A-L]:1><alnum:16><alpha:1><alnum:7>', keywords: ['jqqj9'], longLived: true, revokeUrl: PORTAL, remediation: ROTATE }),
];
