import type { Verifier } from '../types.js';
import { awsVerifier } from './aws.js';
import { githubVerifier } from './github.js';
// verify-b
import { digitalocean } from './digitalocean.js';
import { discord } from './discord.js';
import { telegram } from './telegram.js';
import { notion } from './notion.js';
import { airtable } from './airtable.js';
import { asana } from './asana.js';
import { circleci } from './circleci.js';
import { buildkite } from './buildkite.js';
import { pulumi } from './pulumi.js';
import { terraformCloud } from './terraform-cloud.js';
import { fastly } from './fastly.js';
import { snyk } from './snyk.js';
import { pagerduty } from './pagerduty.js';
import { mapbox } from './mapbox.js';
import { newrelic } from './newrelic.js';
import { gcpServiceAccount } from './gcp-service-account.js';
import { azureAd } from './azure-ad.js';
import { googleApiKey } from './google-api-key.js';
import { shopify } from './shopify.js';
import { mailchimp } from './mailchimp.js';
import { okta } from './okta.js';
import { atlassian } from './atlassian.js';
import { algolia } from './algolia.js';
import { linode } from './linode.js';
import { hubspot } from './hubspot.js';
import { contentful } from './contentful.js';

/** Every verifier Keyward has, one module per provider next to this file. */
export const VERIFIERS: readonly Verifier[] = [
  // verify-core: aws, github
  awsVerifier,
  githubVerifier,
  // verify-a
  // verify-b
  digitalocean,
  discord,
  telegram,
  notion,
  airtable,
  asana,
  circleci,
  buildkite,
  pulumi,
  terraformCloud,
  fastly,
  snyk,
  pagerduty,
  mapbox,
  newrelic,
  gcpServiceAccount,
  azureAd,
  googleApiKey,
  shopify,
  mailchimp,
  okta,
  atlassian,
  algolia,
  linode,
  hubspot,
  contentful,
];
