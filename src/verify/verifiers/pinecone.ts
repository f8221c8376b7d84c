import { identityEndpoint } from './answer.js';

/** The control-plane API version the request is written against. */
const PINECONE_API_VERSION = '2025-04';

/** Pinecone: `GET /indexes` on the control plane lists the project's indexes (read-only); the answer names no owner. */
export const pinecone = identityEndpoint({
  id: 'pinecone',
  rules: ['pinecone-api-key'],
  baseUrl: 'https://api.pinecone.io',
  ratePerSecond: 3,
  path: '/indexes',
  headers: (secret) => ({ 'api-key': secret, 'x-pinecone-api-version': PINECONE_API_VERSION }),
  read: () => ({}),
});
