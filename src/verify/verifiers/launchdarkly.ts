import { identityEndpoint, joinIdentity, textAt } from './answer.js';

/**
 * LaunchDarkly: "Identify the caller" (`GET /api/v2/caller-identity`) answers for API access tokens and SDK keys
 * alike: the token's name and kind, or the project and environment an SDK key belongs to. The key goes bare in
 * `Authorization`, as the API reference shows. (LaunchDarkly's federal instance, app.launchdarkly.us, is reached by
 * pointing `launchdarkly` at it with KEYWARD_VERIFY_ENDPOINTS.)
 */
export const launchdarkly = identityEndpoint({
  id: 'launchdarkly',
  rules: ['launchdarkly-access-token', 'launchdarkly-sdk-key'],
  baseUrl: 'https://app.launchdarkly.com',
  ratePerSecond: 3,
  path: '/api/v2/caller-identity',
  headers: (secret) => ({ authorization: secret }),
  read: ({ json }) => {
    const token = textAt(json, 'tokenName');
    const kind = textAt(json, 'tokenKind') ?? textAt(json, 'authKind');
    const environment = textAt(json, 'environmentName');
    const place = joinIdentity(textAt(json, 'projectName'), environment && `/ ${environment}`);
    const account = textAt(json, 'accountId');
    return { identity: joinIdentity(token && `token "${token}"`, kind && `(${kind})`, place && `in ${place}`, account && `of account ${account}`) };
  },
});
