import { rule } from '../build.js';
import type { Rule, RuleExamples } from '../types.js';
import { hasEncodedPathUser, isPasswordInPlace, isStandInUrlPassword } from '../values/passwords.js';

/** A URL's password that is a stand-in (the user repeated, `cachepass` on localhost) or whose user is an encoded path. */
const realUrlPassword = (password: string, before: string, after: string): boolean => !isStandInUrlPassword(password, before, after) && !hasEncodedPathUser(before);

/** `scheme://user:password@host` (or `redis://:password@host`, with no user): the password is the secret; `user:@`, `${VAR}` and the like never match or are allowlisted. */
function urlCredentials(id: string, title: string, provider: string, schemes: string[], severity: Rule['severity'], examples: RuleExamples): Rule {
  return rule({
    id,
    title,
    provider,
    severity,
    keywords: schemes.map((scheme) => `${scheme}://`),
    pattern: `(?i)\\b(?:${schemes.map((s) => s.replace(/[+.]/g, '\\$&')).join('|')})://[^:/\\s'"@<>]{0,128}:([^@\\s'"/<>]{6,256})@[A-Za-z0-9._-]+`,
    validateInMatch: realUrlPassword,
    longLived: true,
    remediation: `Change the password in ${provider}, then read the URL from a secret store or environment variable at run time.`,
    examples,
  });
}

/** An ADO.NET or ODBC password that repeats the string's user (the same name after `User ID=` and `Password=`): a stand-in, as in URLs. */
function repeatsTheUser(password: string, before: string): boolean {
  const user = /(?:^|;)\s*(?:user id|uid|user|username)\s*=\s*([^;]*)/i.exec(before)?.[1]?.trim();
  return user !== undefined && user.toLowerCase() === password.toLowerCase();
}

export const connectionRules: Rule[] = [
  urlCredentials('postgres-connection-string', 'PostgreSQL connection URL with password', 'PostgreSQL', ['postgres', 'postgresql', 'postgis'], 'high', { positives: ['DATABASE_URL=postgres://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "postgres://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"', 'DATABASE_URL=postgres://app:<alnum:12><digit:2>@localhost:5432/app'], negatives: ['DATABASE_URL=postgres://app_user@db.internal.example.net:5432/app', 'DATABASE_URL: postgres://postgres:postgres@localhost:5432', '#   CACHE_DATABASE_URL="postgres://cacheuser:cachepass@localhost/cache"', 'DATABASE_URL: "postgresql://baduser:badpass@127.0.0.1/dbname"', 'DATABASE_URL=postgres://app_user:@db.internal:5432/app', 'DATABASE_URL=postgres://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=postgres://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=postgres://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('mysql-connection-string', 'MySQL/MariaDB connection URL with password', 'MySQL', ['mysql', 'mysql2', 'mariadb', 'mysqlx'], 'high', { positives: ['DATABASE_URL=mysql://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "mysql://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=mysql://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=mysql://app_user:@db.internal:5432/app', 'DATABASE_URL=mysql://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=mysql://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=mysql://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('mongodb-connection-string', 'MongoDB connection URL with password', 'MongoDB', ['mongodb', 'mongodb+srv'], 'high', { positives: ['DATABASE_URL=mongodb+srv://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "mongodb+srv://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=mongodb+srv://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=mongodb+srv://app_user:@db.internal:5432/app', 'DATABASE_URL=mongodb+srv://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=mongodb+srv://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=mongodb+srv://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('redis-connection-string', 'Redis connection URL with password', 'Redis', ['redis', 'rediss'], 'high', { positives: ['DATABASE_URL=rediss://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "rediss://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"', 'REDIS_URL=redis://:<alnum:32>@cache.internal:6379/0'], negatives: ['DATABASE_URL=rediss://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=rediss://app_user:@db.internal:5432/app', 'DATABASE_URL=rediss://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=rediss://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=rediss://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('amqp-connection-string', 'AMQP (RabbitMQ) connection URL with password', 'RabbitMQ', ['amqp', 'amqps'], 'high', { positives: ['DATABASE_URL=amqps://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "amqps://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=amqps://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=amqps://app_user:@db.internal:5432/app', 'DATABASE_URL=amqps://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=amqps://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=amqps://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('mssql-connection-url', 'SQL Server connection URL with password', 'SQL Server', ['mssql', 'sqlserver'], 'high', { positives: ['DATABASE_URL=sqlserver://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "sqlserver://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=sqlserver://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=sqlserver://app_user:@db.internal:5432/app', 'DATABASE_URL=sqlserver://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=sqlserver://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=sqlserver://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('smtp-connection-url', 'SMTP URL with password', 'SMTP', ['smtp', 'smtps'], 'medium', { positives: ['DATABASE_URL=smtps://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "smtps://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=smtps://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=smtps://app_user:@db.internal:5432/app', 'DATABASE_URL=smtps://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=smtps://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=smtps://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('ldap-connection-url', 'LDAP URL with bind password', 'LDAP', ['ldap', 'ldaps'], 'high', { positives: ['DATABASE_URL=ldaps://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "ldaps://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=ldaps://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=ldaps://app_user:@db.internal:5432/app', 'DATABASE_URL=ldaps://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=ldaps://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=ldaps://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  urlCredentials('ftp-connection-url', 'FTP/SFTP URL with password', 'FTP', ['ftp', 'sftp', 'ftps'], 'medium', { positives: ['DATABASE_URL=sftp://app_user:<alnum:18>@db.internal.example.net:5432/app', '  url: "sftp://svc:<alnum:12>%21<alnum:4>@10.0.3.7/db"'], negatives: ['DATABASE_URL=sftp://app_user@db.internal.example.net:5432/app', 'DATABASE_URL=sftp://app_user:@db.internal:5432/app', 'DATABASE_URL=sftp://app_user:${DB_PASSWORD}@db.internal:5432/app', 'DATABASE_URL=sftp://app_user:<password>@db.internal:5432/app', 'DATABASE_URL=sftp://app_user:{{ .Values.dbPassword }}@db.internal:5432/app'] }),
  rule({
    id: 'url-embedded-credentials',
    title: 'URL with embedded password',
    provider: 'Generic',
    severity: 'medium',
    kind: 'generic',
    keywords: ['://'],
    // A host name with a top-level domain, or a local host (`https://admin:...@localhost:8000`), where a real password
    // still counts unless it is a stand-in, or an intranet host of one label (`@jenkins/`, `@build01:8080`).
    pattern: String.raw`(?i)\b[a-z][a-z0-9+.-]{1,20}://[^:/\s'"@<>]{1,128}:([^@\s'"/<>]{6,256})@(?:[A-Za-z0-9._-]+\.[A-Za-z]{2,24}|localhost\b|\d{1,3}(?:\.\d{1,3}){3}|[A-Za-z][A-Za-z0-9-]{2,62}(?:[:/?#'"${'`'}\s]|$))`,
    entropy: 2.5,
    validateInMatch: realUrlPassword,
    longLived: true,
    remediation: 'Change the password at the service, then keep credentials out of URLs in code (use a secret store or environment).',
    examples: { positives: ['const endpoint = "https://svc_user:<alnum:20>@api.partner-example.net/v1";', '  - "https://admin:<alnum:10><digit:2>@localhost:8000/admin"', '  - "http://admin:<alnum:10><digit:2>@192.168.0.10/admin"', 'JENKINS=https://<lower:8>:<alnum:10><digit:2>@jenkins:8080/job', '"https://<alnum:8>:<alnum:10><digit:2>@<lower:2><alnum:12>"'], negatives: ['const endpoint = "https://api.partner-example.net/v1?user=svc";', 'proxy = "http://user:password@proxy:3128"', 'url = "https://%s:%s@%s"', 'JENKINS=https://<lower:8>:<alnum:8><digit:2>@j', '  - "https://admin:testpassword@localhost:8000/admin"', '  "http://openid.aol.com%2Fnextangler:one+two%3F@www.basecamphq.com/c/a/i",'] },
  }),
  rule({
    id: 'git-credentials',
    title: 'Git host credentials in a URL (.git-credentials)',
    provider: 'Git hosting',
    severity: 'high',
    keywords: ['github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com'],
    // The user may be an e-mail address written raw (`https://me@corp.net:...@github.com`), as git-credential-store keeps it.
    pattern: String.raw`(?i)https?://[^:/\s'"<>]{1,128}:([^\s'"/<>]{8,256})@(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com)`,
    longLived: true,
    remediation: 'Revoke the token or password at the git host, then use a credential helper or GITHUB_TOKEN instead of credentials in URLs.',
    examples: { positives: ['https://ci-bot:<alnum:30>@github.com', 'https://jdoe:<alnum:8>#x@<alnum:4>@github.com', 'https://jdoe@<lower:6>.com:<alnum:8>!#@<digit:3>@github.com'], negatives: ['https://github.com/acme/tools.git', 'https://jdoe@github.com/acme/tools.git'] },
  }),
  // A value opening with `${` is template interpolation, whose `${expr}` may hold spaces the value stops at.
  rule({
    id: 'jdbc-password',
    title: 'JDBC URL with password',
    provider: 'JDBC',
    severity: 'high',
    keywords: ['jdbc:'],
    pattern: String.raw`(?i)jdbc:[a-z0-9]+:[^\s'"]{0,300}?[?;&](?:password|userpass|passwd|pwd)=((?:[^;&\s'"$]|\$[^{;&\s'"])[^;&\s'"]{2,199})`,
    longLived: true,
    remediation: 'Change the database password, then supply it from a secret store at run time.',
    examples: { positives: ['JDBC_URL=jdbc:postgresql://db.internal:5432/app?user=app&password=<alnum:16>', '  - "jdbc:mysql://localhost/authority?user=admin&userpass=<alnum:12>"'], negatives: ['JDBC_URL=jdbc:postgresql://db.internal:5432/app?user=app', '  - "jdbc:mysql://localhost/authority?user=admin&userpass="', 'JDBC_URL=jdbc:postgresql://db.internal:5432/app?user=app&password=${props.get("db.password")}'] },
  }),
  rule({
    id: 'ado-net-connection-string',
    title: 'ADO.NET / ODBC connection string with password',
    provider: 'SQL Server',
    severity: 'high',
    keywords: ['password', 'pwd'],
    // `Server=...;...;Password=...;`, `User ID=...;Password=...;`, `DSN=...;Uid=...;Pwd=...;`: the password is a key of
    // its own (`Password =value` too), after a server or user key and any other `key=value;` pairs.
    pattern: String.raw`(?i)(?:server|data source|host|address|user id|uid|user|username|dsn)\s*=[^;"'\n]{1,200};(?:[^;"'\n]{0,60};){0,12}?\s*(?:password|pwd)\s*=\s*((?:[^;"'\s$]|\$[^{;"'\s])[^;"'\s]{2,199})`,
    validateInMatch: (password, before) => isPasswordInPlace(password) && !repeatsTheUser(password, before),
    longLived: true,
    remediation: 'Change the database password, then use managed identity or a secret store instead of a connection string with a password.',
    examples: {
      positives: ['"Server=tcp:sql.internal,1433;Database=app;User ID=app;Password=<alnum:16>;Encrypt=true"', '"User ID=etl;Password=<alnum:10>!<digit:2>;Initial Catalog=ledger;Data Source=db01"', 'DSN=reports;Uid=viewer;Pwd=<lower:6><digit:3>;', 'Data Source=db01;Initial Catalog=app;User ID=svc;Password =<alnum:12>;'],
      negatives: ['"Server=tcp:sql.internal,1433;Database=app;Authentication=Active Directory Default"', '`Server=sql.internal;Database=app;User ID=app;Password=${config.get("db.password")};`', 'Server=host;Port=5432;User Id=username;Password=secret;', 'Provider=SQLNCLI;Server=myServerName;Uid=myUsername;Pwd=myPassword;', 'Server=db01;User ID=ledger_user;Password=ledger_user;', 'Server=db01;User ID=app;OldPassword=<alnum:12>;'],
    },
  }),
  rule({
    id: 'redis-connection-options',
    title: 'Redis connection string with password (StackExchange.Redis, Azure Cache for Redis)',
    provider: 'Redis',
    severity: 'high',
    keywords: [',password='],
    // `host:6380,password=...,ssl=True,abortConnect=False`: the StackExchange.Redis configuration string that Azure Cache
    // for Redis hands out, on Redis' ports (6379 plain, 6380 TLS).
    pattern: String.raw`(?i)\b[A-Za-z0-9.-]{1,253}:63(?:79|80),(?:[a-z]{2,30}=[^,\s'"]{0,100},){0,8}?password=([^,\s'"]{6,256})`,
    validate: (password) => isPasswordInPlace(password),
    longLived: true,
    remediation: 'Regenerate the access key (Azure: the cache\'s Access keys blade) or change the password, then read the connection string from a secret store.',
    examples: {
      positives: ['"Redis": "<lower:10>.redis.cache.windows.net:6380,password=<b64:43>=,ssl=True,abortConnect=False"', 'REDIS=cache01:6379,allowAdmin=true,password=<alnum:20>'],
      negatives: ['"Redis": "<lower:10>.redis.cache.windows.net:6380,password=${REDIS_KEY},ssl=True"', 'REDIS=cache01:6379,password=', 'REDIS=cache01:5432,password=<alnum:20>'],
    },
  }),
];
