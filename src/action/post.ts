import * as core from '@actions/core';

/** The post step: removes what the main step left behind. Credential cleanup joins here with the OIDC swap. */
function run(): void {
  core.info('Keyward post step: nothing to clean up.');
}

run();
