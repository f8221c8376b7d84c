import { outcomeOfStatus } from '../settle.js';
import type { Verifier } from '../types.js';
import { rejectedByRegion } from './answer.js';
import { phrase, text } from './shared.js';

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
    const name = phrase(text(response.json, 'firstName'), text(response.json, 'lastName'));
    const email = text(response.json, 'email');
    return { status: 'active', identity: phrase(name ?? text(response.json, 'sys', 'id'), email && `<${email}>`) };
  },
};
