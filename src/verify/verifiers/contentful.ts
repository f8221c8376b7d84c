import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { joinIdentity, rejectedByRegion, textAt } from './answer.js';

/**
 * Contentful personal access tokens: the Content Management API's `GET /users/me` answers the user. Organizations
 * with EU data residency answer only at api.eu.contentful.com, so a rejection is unknown.
 */
export const contentful: Verifier = {
  id: 'contentful',
  rules: ['contentful-access-token'],
  baseUrl: 'https://api.contentful.com',
  ratePerSecond: 3,
  async verify(credential, http) {
    const response = await http.request('/users/me', { headers: { authorization: `Bearer ${credential.secret}`, accept: 'application/json' } });
    const outcome = outcomeOfStatus(response.status);
    if (outcome.status === 'inactive') return rejectedByRegion(response.status, 'Contentful');
    if (outcome.status !== 'active') return outcome;
    const name = joinIdentity(textAt(response.json, 'firstName'), textAt(response.json, 'lastName'));
    const email = textAt(response.json, 'email');
    return { status: 'active', identity: joinIdentity(name ?? textAt(response.json, 'sys', 'id'), email && `<${email}>`) };
  },
};
