import { outcomeOfStatus } from '../settle.js';
import type { Outcome, Verifier } from '../types.js';

const API_VERSION = '2025-04';

/**
 * Pinecone API keys: `GET /indexes` on the control plane with the `Api-Key` header lists the project's indexes, a
 * read; 401 means an invalid key. The answer names no owner.
 */
export const pineconeVerifier: Verifier = {
  id: 'pinecone',
  rules: ['pinecone-api-key'],
  baseUrl: 'https://api.pinecone.io',
  ratePerSecond: 2,
  async verify({ secret }, http): Promise<Outcome> {
    const response = await http.request('/indexes', { headers: { 'api-key': secret, 'x-pinecone-api-version': API_VERSION } });
    return outcomeOfStatus(response.status);
  },
};
