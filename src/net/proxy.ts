export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

const first = (env: NodeJS.ProcessEnv, names: string[]) => names.map((name) => env[name]?.trim()).find((value) => value);

/** The proxy variables as curl and @actions/http-client read them: upper or lower case, HTTPS_PROXY falling back to HTTP_PROXY. */
export function proxySettings(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const httpProxy = first(env, ['HTTP_PROXY', 'http_proxy']);
  const httpsProxy = first(env, ['HTTPS_PROXY', 'https_proxy']) ?? httpProxy;
  if (!httpProxy && !httpsProxy) return undefined;
  return { httpProxy, httpsProxy, noProxy: first(env, ['NO_PROXY', 'no_proxy']) ?? '' };
}

/**
 * Routes every fetch of this process (Octokit, STS, Google, Entra, Vault) through HTTPS_PROXY / HTTP_PROXY, except
 * the hosts NO_PROXY names; Node's fetch ignores those variables on its own. The OIDC token request goes through
 * @actions/http-client, which reads the same variables itself. Returns the settings applied, if any. undici is
 * imported only behind a proxy: loading it costs a scan without one a tenth of its start-up.
 */
export async function useProxyFromEnv(env: NodeJS.ProcessEnv): Promise<ProxySettings | undefined> {
  const settings = proxySettings(env);
  if (!settings) return undefined;
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import('undici');
  setGlobalDispatcher(new EnvHttpProxyAgent(settings));
  return settings;
}
