import { forbiddenIsLive, identityEndpoint } from './answer.js';
import { phrase, text } from './shared.js';

/** The API version the request is written against; Notion requires the header on every call. */
const NOTION_VERSION = '2022-06-28';

/** Notion: `GET /v1/users/me` answers the integration's bot user, its workspace and who authorized it. */
export const notion = identityEndpoint({
  id: 'notion',
  rules: ['notion-integration-token'],
  baseUrl: 'https://api.notion.com',
  ratePerSecond: 3,
  path: '/v1/users/me',
  liveRefusal: forbiddenIsLive('recognised by Notion; the integration may not read user information'),
  headers: (secret) => ({ authorization: `Bearer ${secret}`, 'notion-version': NOTION_VERSION }),
  read: ({ json }) => {
    const workspace = text(json, 'bot', 'workspace_name');
    const owner = text(json, 'bot', 'owner', 'user', 'person', 'email') ?? text(json, 'bot', 'owner', 'user', 'name');
    return { identity: phrase(text(json, 'name') ?? text(json, 'id'), workspace && `in workspace ${workspace}`, owner && `authorized by ${owner}`) };
  },
});
