import { named, prefixed, rule } from '../build.js';
import { UUID } from '../shape.js';
import type { Rule } from '../types.js';

const NEW_RELIC_KEYS = 'https://one.newrelic.com/launcher/api-keys-ui.api-keys-launcher';
const LOWER_UUID = '<lowalnum:8>-<lowalnum:4>-<lowalnum:4>-<lowalnum:4>-<lowalnum:12>';

/** Operations, incident, security, IoT, finance and platform services: prefixed tokens and keys under the provider's name. */
export const platformTokenRules: Rule[] = [
  prefixed('rootly-api-key', 'Rootly API key', 'Rootly', 'rootly_<hex:64>', 'https://rootly.com/account/api_keys'),
  prefixed('ramp-client-secret', 'Ramp API client secret', 'Ramp', 'ramp_sec_<alnum:48>', 'https://app.ramp.com/developer', { severity: 'critical' }),
  prefixed('ramp-client-id', 'Ramp API client id', 'Ramp', 'ramp_id_<alnum:40>', 'https://app.ramp.com/developer', { severity: 'low' }),
  // Blynk's OAuth clients: the id carries the `oa2-client-id_` prefix and travels with its 40-character secret, as
  // `-u <id>:<secret>` or `client_id=<id>&client_secret=<secret>` on the token endpoint.
  rule({ id: 'blynk-oauth-client-secret', title: 'Blynk OAuth client secret', provider: 'Blynk', severity: 'high', keywords: ['oa2-client-id_'], pattern: String.raw`\boa2-client-id_[A-Za-z0-9_-]{32}(?::|&client_secret=)([A-Za-z0-9_-]{40})(?:[^A-Za-z0-9_-]|$)`, longLived: true, revokeUrl: 'https://blynk.cloud/dashboard', examples: { positives: ['curl -u oa2-client-id_<word:32>:<word:40> https://fra1.blynk.cloud/oauth2/token', 'https://blynk.cloud/oauth2/token?grant_type=client_credentials&client_id=oa2-client-id_<word:32>&client_secret=<word:40>'], negatives: ['client_id=oa2-client-id_<word:32>', 'curl -u oa2-client-id_<word:32>:<word:20> https://blynk.cloud/oauth2/token'] } }),
  prefixed('ubidots-api-token', 'Ubidots API token', 'Ubidots', 'BBFF-<alnum:30>', 'https://industrial.ubidots.com/accounts/me/apiCredentials'),
  prefixed('spectralops-token', 'SpectralOps (Check Point) personal token', 'SpectralOps', 'spu-<lowalnum:32>', 'https://get.spectralops.io/'),
  prefixed('trufflehog-enterprise-secret', 'TruffleHog Enterprise API secret', 'Truffle Security', 'thog-secret-<hex:32>', 'https://trufflesecurity.com/'),
  prefixed('trufflehog-enterprise-key', 'TruffleHog Enterprise API key id', 'Truffle Security', 'thog-key-<hex:16>', 'https://trufflesecurity.com/', { severity: 'medium' }),
  prefixed('tines-webhook-url', 'Tines webhook URL with its secret', 'Tines', 'https://<[A-Za-z0-9-]:2-40>.tines.com/webhook/<lowalnum:32>/<lowalnum:32>', 'https://www.tines.com/docs/actions/types/webhook', { severity: 'medium', keywords: ['.tines.com/webhook/'], examples: { negatives: ['https://acme.tines.com/webhook/<lowalnum:32>'] } }),
  // A publish key lets anyone post into the app's channels; subscribe keys are meant for clients and are left out.
  prefixed('pubnub-publish-key', 'PubNub publish key', 'PubNub', `pub-c-${LOWER_UUID}`, 'https://admin.pubnub.com/', { severity: 'medium' }),
  prefixed('thingsboard-device-token', 'ThingsBoard Cloud device access token (in a URL)', 'ThingsBoard', 'thingsboard.cloud/api/v1/<lowalnum:20>', 'https://thingsboard.io/docs/user-guide/access-token/', { severity: 'medium', keywords: ['thingsboard.cloud/api/v1/'] }),
  // A Tableau personal access token's secret: 22 base64 characters and `==`, a colon, 32 alphanumerics.
  // The secret is a base64 half (16 bytes) glued by `==:` to 32 alphanumerics; that glue is distinctive on its own.
  prefixed('tableau-pat-secret', 'Tableau personal access token secret', 'Tableau', '<b64:22>==:<alnum:32>', 'https://help.tableau.com/current/server/en-us/security_personal_access_tokens.htm', { keywords: ['==:'], entropy: 3.5 }),
  prefixed('newrelic-browser-key-nrbr', 'New Relic browser key (NRBR)', 'New Relic', 'NRBR-<hex:19>', NEW_RELIC_KEYS, { severity: 'low' }),
  prefixed('newrelic-mobile-app-token', 'New Relic mobile app token', 'New Relic', 'AA<hex:40>-NRMA', NEW_RELIC_KEYS, { severity: 'low', keywords: ['-nrma'] }),
  prefixed('newrelic-mobile-app-token-eu', 'New Relic mobile app token (EU region)', 'New Relic', 'eu01xx<hex:36>-NRMA', NEW_RELIC_KEYS, { severity: 'low', keywords: ['-nrma'] }),
  prefixed('newrelic-license-key-eu', 'New Relic ingest license key (EU region)', 'New Relic', 'eu01xx<hex:26><anyhex:4>NRAL', NEW_RELIC_KEYS, { severity: 'medium', keywords: ['nral'] }),
  named('sentry-auth-token-legacy', 'Sentry auth token (legacy 64-hex form)', 'Sentry', ['sentry'], '<hex:64>', 'https://sentry.io/settings/account/api/auth-tokens/'),
  // Before npm_ tokens (2021) npm issued UUIDs; they live on under NPM_TOKEN and `_authToken` in .npmrc and .yarnrc.
  named('npm-legacy-token', 'npm access token (legacy UUID form)', 'npm', ['npm_token', 'npm-token', 'npmtoken', 'npm_auth_token', '_authtoken', 'npm_api_key'], UUID, 'https://www.npmjs.com/settings/~/tokens', { bare: true, examples: { positives: ['{ "_authToken": "' + UUID + '" }', 'export NPM_TOKEN="' + UUID + '"'], negatives: ['"_authToken": "${NPM_TOKEN}"'] } }),
  named('netlify-access-token-legacy', 'Netlify personal access token (legacy 64-hex form)', 'Netlify', ['netlify'], '<hex:64>', 'https://app.netlify.com/user/applications#personal-access-tokens'),
  named('privacy-api-key', 'Privacy.com API key', 'Privacy.com', ['privacy_com', 'privacycom', 'privacy.com', 'privacy_api', 'privacy-api', 'privacy_key'], LOWER_UUID, 'https://app.privacy.com/account', { bare: true, severity: 'critical' }),
  prefixed('nightfall-api-key', 'Nightfall API key', 'Nightfall', 'NF-<alnum:32>', 'https://app.nightfall.ai/developer-platform/api-keys', { keywords: ['nf-'] }),
  prefixed('pagarme-live-api-key', 'Pagar.me live API key', 'Pagar.me', 'ak_live_<alnum:30>', 'https://dashboard.pagar.me/', { severity: 'critical' }),
  prefixed('saladcloud-api-key', 'SaladCloud API key', 'SaladCloud', 'salad_cloud_<alnum:1-7>_<alnum:7-235>', 'https://portal.salad.com/api-key'),
  prefixed('robinhood-crypto-api-key', 'Robinhood Crypto API key', 'Robinhood', 'rh-api-<anyhex:8>-<anyhex:4>-<anyhex:4>-<anyhex:4>-<anyhex:12>', 'https://robinhood.com/account/crypto'),
  prefixed('voiceflow-api-key', 'Voiceflow API key', 'Voiceflow', 'VF.<anyhex:24>.<alnum:16>', 'https://creator.voiceflow.com/', { keywords: ['vf.'] }),
  prefixed('voiceflow-dm-api-key', 'Voiceflow Dialog Manager API key', 'Voiceflow', 'VF.DM.<anyhex:24>.<alnum:16>', 'https://creator.voiceflow.com/', { keywords: ['vf.dm.'] }),
  prefixed('salesforce-refresh-token', 'Salesforce OAuth refresh token', 'Salesforce', '5Aep861<[A-Za-z0-9._=]:80-200>', 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm', { severity: 'critical', keywords: ['5aep861'] }),
  prefixed('stripe-payment-intent-secret', 'Stripe PaymentIntent client secret', 'Stripe', 'pi_<alnum:24>_secret_<alnum:25>', 'https://dashboard.stripe.com/payments', { severity: 'low', keywords: ['_secret_'] }),
  named('salesblink-api-key', 'SalesBlink API key', 'SalesBlink', ['salesblink'], 'key-<alnum:64>', 'https://run.salesblink.io/'),
  named('meraki-api-key', 'Cisco Meraki Dashboard API key', 'Cisco Meraki', ['meraki'], '<hex:40>', 'https://dashboard.meraki.com/'),
  named('qubole-api-token', 'Qubole API token', 'Qubole', ['qubole'], '<lowalnum:64>', 'https://us.qubole.com/'),
  named('redhat-pyxis-api-key', 'Red Hat Pyxis (certification) API key', 'Red Hat', ['pyxis', 'redhat_api', 'redhat-api'], '<lowalnum:32>', 'https://connect.redhat.com/account/api-keys'),
  named('testingbot-api-key', 'TestingBot API key or secret', 'TestingBot', ['testingbot'], '<lowalnum:32>', 'https://testingbot.com/members/user/edit'),
  named('truenas-api-key', 'TrueNAS API key', 'TrueNAS', ['truenas'], '<digit:1-4>-<alnum:64>', 'https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/'),
  // The middleware's JSON-RPC login call hands the key over as its first parameter.
  rule({
    id: 'truenas-api-key-login',
    title: 'TrueNAS API key in a login call',
    provider: 'TrueNAS',
    severity: 'high',
    keywords: ['login_with_api_key'],
    pattern: String.raw`login_with_api_key["']?\s*,\s*["']params["']\s*:\s*\[\s*["']([0-9]{1,4}-[A-Za-z0-9]{64})["']`,
    multilineWindow: 512,
    entropy: 3.5,
    longLived: true,
    revokeUrl: 'https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/',
    examples: {
      positives: ['{"id": "1", "msg": "method", "method": "auth.login_with_api_key", "params": ["<digit:1>-<alnum:64>"]}', '{\n  "method": "auth.login_with_api_key",\n  "params": [\n    "<digit:2>-<alnum:64>"\n  ]\n}'],
      negatives: ['{"method": "auth.login_with_api_key", "params": ["<digit:1>-<alnum:20>"]}', '{"method": "auth.login", "params": ["<digit:1>-<alnum:64>"]}'],
    },
  }),
  named('ngc-api-key', 'NVIDIA NGC API key (legacy)', 'NVIDIA', ['ngc'], '<alnum:84>', 'https://org.ngc.nvidia.com/setup/api-keys'),
  named('twitter-consumer-secret', 'X (Twitter) API consumer secret', 'X', ['twitter'], '<alnum:50>', 'https://developer.x.com/en/portal/projects-and-apps'),
  named('twitter-consumer-key', 'X (Twitter) API consumer key', 'X', ['twitter'], '<alnum:25>', 'https://developer.x.com/en/portal/projects-and-apps', { severity: 'medium' }),
  named('spotify-client-secret', 'Spotify client secret', 'Spotify', ['spotify'], '<alnum:32>', 'https://developer.spotify.com/dashboard'),
  named('poloniex-api-key', 'Poloniex API key', 'Poloniex', ['poloniex'], '<upalnum:8>-<upalnum:8>-<upalnum:8>-<upalnum:8>', 'https://poloniex.com/apikeys'),
  named('poloniex-api-secret', 'Poloniex API secret', 'Poloniex', ['poloniex'], '<hex:128>', 'https://poloniex.com/apikeys', { severity: 'critical' }),
];
