import { createHash } from 'node:crypto';
import { base62 } from '../../src/rules/validators/base62.js';
import { crc32 } from '../../src/rules/validators/crc32.js';
import { ALNUM, DIGITS, randomFrom } from '../helpers/fake-secrets.js';
import type { IamUserKey } from '../servers/aws-sts.js';

const AWS_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const awsKeyId = () => 'AKIA' + randomFrom(AWS_ALPHABET, 16);
export const awsSecret = () => randomFrom(ALNUM + '+/', 40);

export function iamUser(name = 'deploy-bot', account = randomFrom(DIGITS, 12)): IamUserKey {
  return { accessKeyId: awsKeyId(), secretAccessKey: awsSecret(), arn: `arn:aws:iam::${account}:user/${name}` };
}

/** A file holding an IAM user's key pair as a `.env` would. */
export const awsEnvFile = (key: IamUserKey) => `AWS_ACCESS_KEY_ID=${key.accessKeyId}\nAWS_SECRET_ACCESS_KEY=${key.secretAccessKey}\n`;

/** A GitHub token of the given prefix with a valid checksum, as the rules require; random, never real. */
export function githubToken(prefix = 'ghp_'): string {
  const random = randomFrom(ALNUM, 30);
  return `${prefix}${random}${base62(crc32(random), 6)}`;
}

export const sha = (text: string) => createHash('sha256').update(text).digest('hex');
