import { identityEndpoint } from './answer.js';
import { phrase, text } from './shared.js';

/**
 * HCP Terraform (Terraform Cloud): `GET /api/v2/account/details` answers the user the token acts as; team and
 * organization tokens answer their service user.
 */
export const terraformCloud = identityEndpoint({
  id: 'terraform-cloud',
  rules: ['terraform-cloud-api-token'],
  baseUrl: 'https://app.terraform.io',
  ratePerSecond: 5,
  path: '/api/v2/account/details',
  headers: (secret) => ({ authorization: `Bearer ${secret}`, accept: 'application/vnd.api+json' }),
  read: ({ json }) => {
    const email = text(json, 'data', 'attributes', 'email');
    // Team and organization tokens answer a synthetic service user; the token's real owner is the authenticated resource.
    const owner = ['data', 'relationships', 'authenticated-resource', 'data'];
    const ownerType = text(json, ...owner, 'type');
    const ownerId = text(json, ...owner, 'id');
    const ownedBy = ownerType && ownerId && ownerType !== 'users' ? `for ${ownerType.replace(/s$/, '')} ${ownerId}` : undefined;
    return { identity: phrase(text(json, 'data', 'attributes', 'username') ?? text(json, 'data', 'id'), email && `<${email}>`, ownedBy) };
  },
});
