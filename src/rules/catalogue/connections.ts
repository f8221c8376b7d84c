import { rule } from '../build.js';
import type { Rule } from '../types.js';

/** `scheme://user:password@host` (or `redis://:password@host`, with no user): the password is the secret; `user:@`, `${VAR}` and the like never match or are allowlisted. */
function urlCredentials(id: string, title: string, provider: string, schemes: string[], severity: Rule['severity']): Rule {
  return rule({
    id,
    title,
    provider,
    severity,
    keywords: schemes.map((scheme) => `${scheme}://`),
    pattern: `(?i)\\b(?:${schemes.map((s) => s.replace(/[+.]/g, '\\$&')).join('|')})://[^:/\\s'"@<>]{0,128}:([^@\\s'"/<>]{6,256})@[A-Za-z0-9._-]+`,
    longLived: true,
    remediation: `Change the password in ${provider}, then read the URL from a secret store or environment variable at run time.`,
  });
}

export const connectionRules: Rule[] = [
  urlCredentials('postgres-connection-string', 'PostgreSQL connection URL with password', 'PostgreSQL', ['postgres', 'postgresql', 'postgis'], 'high'),
  urlCredentials('mysql-connection-string', 'MySQL/MariaDB connection URL with password', 'MySQL', ['mysql', 'mysql2', 'mariadb', 'mysqlx'], 'high'),
  urlCredentials('mongodb-connection-string', 'MongoDB connection URL with password', 'MongoDB', ['mongodb', 'mongodb+srv'], 'high'),
  urlCredentials('redis-connection-string', 'Redis connection URL with password', 'Redis', ['redis', 'rediss'], 'high'),
  urlCredentials('amqp-connection-string', 'AMQP (RabbitMQ) connection URL with password', 'RabbitMQ', ['amqp', 'amqps'], 'high'),
  urlCredentials('mssql-connection-url', 'SQL Server connection URL with password', 'SQL Server', ['mssql', 'sqlserver'], 'high'),
  urlCredentials('smtp-connection-url', 'SMTP URL with password', 'SMTP', ['smtp', 'smtps'], 'medium'),
  urlCredentials('ldap-connection-url', 'LDAP URL with bind password', 'LDAP', ['ldap', 'ldaps'], 'high'),
  urlCredentials('ftp-connection-url', 'FTP/SFTP URL with password', 'FTP', ['ftp', 'sftp', 'ftps'], 'medium'),
  rule({
    id: 'url-embedded-credentials',
    title: 'URL with embedded password',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['://'],
    pattern: '(?i)\\b[a-z][a-z0-9+.-]{1,20}://[^:/\\s\'"@<>]{1,128}:([^@\\s\'"/<>]{6,256})@[A-Za-z0-9._-]+\\.[A-Za-z]{2,24}',
    entropy: 2.5,
    longLived: true,
    remediation: 'Change the password at the service, then keep credentials out of URLs in code (use a secret store or environment).',
  }),
  rule({
    id: 'git-credentials',
    title: 'Git host credentials in a URL (.git-credentials)',
    provider: 'Git hosting',
    severity: 'high',
    keywords: ['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com'],
    pattern: '(?i)https?://[^:/\\s\'"@<>]{1,128}:([^\\s\'"/<>]{8,256})@(?:www\\.)?(?:github\\.com|gitlab\\.com|bitbucket\\.org|dev\\.azure\\.com)',
    longLived: true,
    remediation: 'Revoke the token or password at the git host, then use a credential helper or GITHUB_TOKEN instead of credentials in URLs.',
  }),
  // A value opening with `${` is template interpolation, whose `${expr}` may hold spaces the value stops at.
  rule({
    id: 'jdbc-password',
    title: 'JDBC URL with password',
    provider: 'JDBC',
    severity: 'high',
    keywords: ['jdbc:'],
    pattern: '(?i)jdbc:[a-z0-9]+:[^\\s\'"]{0,300}?[?;&]password=((?:[^;&\\s\'"$]|\\$[^{;&\\s\'"])[^;&\\s\'"]{2,199})',
    longLived: true,
    remediation: 'Change the database password, then supply it from a secret store at run time.',
  }),
  rule({
    id: 'ado-net-connection-string',
    title: 'ADO.NET / ODBC connection string with password',
    provider: 'SQL Server',
    severity: 'high',
    keywords: ['password=', 'pwd='],
    pattern: '(?i)(?:server|data source|host|address)\\s*=[^;"\'\\n]{1,200};[^"\'\\n]{0,300}?(?:password|pwd)\\s*=\\s*((?:[^;"\'\\s$]|\\$[^{;"\'\\s])[^;"\'\\s]{2,199})',
    longLived: true,
    remediation: 'Change the database password, then use managed identity or a secret store instead of a connection string with a password.',
  }),
];
