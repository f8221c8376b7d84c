import type { Verifier } from '../types.js';
import { awsVerifier } from './aws.js';
import { githubVerifier } from './github.js';
// verify-a
import { gitlabVerifier } from './gitlab.js';
import { slackVerifier } from './slack.js';
import { npmVerifier } from './npm.js';
import { pypiVerifier } from './pypi.js';
import { dockerhubVerifier } from './dockerhub.js';
import { huggingfaceVerifier } from './huggingface.js';
import { openaiVerifier } from './openai.js';
import { anthropicVerifier } from './anthropic.js';
import { stripeVerifier } from './stripe.js';
import { sendgridVerifier } from './sendgrid.js';
import { twilioVerifier } from './twilio.js';
import { mailgunVerifier } from './mailgun.js';
import { datadogVerifier } from './datadog.js';
import { sentryVerifier } from './sentry.js';
import { linearVerifier } from './linear.js';
import { postmanVerifier } from './postman.js';
import { herokuVerifier } from './heroku.js';
import { netlifyVerifier } from './netlify.js';
import { vercelVerifier } from './vercel.js';
import { cloudflareVerifier } from './cloudflare.js';
import { xaiVerifier } from './xai.js';
import { groqVerifier } from './groq.js';
import { mistralVerifier } from './mistral.js';
import { deepseekVerifier } from './deepseek.js';
import { replicateVerifier } from './replicate.js';
import { elevenlabsVerifier } from './elevenlabs.js';
import { cohereVerifier } from './cohere.js';
import { honeycombVerifier } from './honeycomb.js';
import { resendVerifier } from './resend.js';
import { figmaVerifier } from './figma.js';
import { postmarkVerifier } from './postmark.js';
import { brevoVerifier } from './brevo.js';
import { dopplerVerifier } from './doppler.js';
import { launchdarklyVerifier } from './launchdarkly.js';
import { intercomVerifier } from './intercom.js';
import { supabaseVerifier } from './supabase.js';
import { neonVerifier } from './neon.js';
import { pineconeVerifier } from './pinecone.js';
import { dropboxVerifier } from './dropbox.js';
import { squareVerifier } from './square.js';
import { tailscaleVerifier } from './tailscale.js';
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
  gitlabVerifier,
  slackVerifier,
  npmVerifier,
  pypiVerifier,
  dockerhubVerifier,
  huggingfaceVerifier,
  openaiVerifier,
  anthropicVerifier,
  stripeVerifier,
  sendgridVerifier,
  twilioVerifier,
  mailgunVerifier,
  datadogVerifier,
  sentryVerifier,
  linearVerifier,
  postmanVerifier,
  herokuVerifier,
  netlifyVerifier,
  vercelVerifier,
  cloudflareVerifier,
  xaiVerifier,
  groqVerifier,
  mistralVerifier,
  deepseekVerifier,
  replicateVerifier,
  elevenlabsVerifier,
  cohereVerifier,
  honeycombVerifier,
  resendVerifier,
  figmaVerifier,
  postmarkVerifier,
  brevoVerifier,
  dopplerVerifier,
  launchdarklyVerifier,
  intercomVerifier,
  supabaseVerifier,
  neonVerifier,
  pineconeVerifier,
  dropboxVerifier,
  squareVerifier,
  tailscaleVerifier,
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
