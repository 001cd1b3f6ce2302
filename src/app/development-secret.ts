import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppConfig } from '../config/env.js';

/**
 * In development on the embedded database, a signing secret generated once and kept beside that
 * database's data (`.data/signing-secret`), so tokens, and the IDE's stored one, outlive a
 * restart as the accounts they name do. Production always sets JWT_SECRET; with DATABASE_URL the
 * data lives elsewhere, and so does the secret's owner: the secret stays per process there.
 */
export async function withKeptSigningSecret(config: AppConfig): Promise<AppConfig & { signingSecretFile?: string }> {
  if (!config.jwtSecretGenerated || config.DATABASE_URL || config.NODE_ENV !== 'development') return config;
  const file = path.join(path.dirname(path.resolve(config.EMBEDDED_PG_DIR)), 'signing-secret');
  let secret = existsSync(file) ? (await readFile(file, 'utf8')).trim() : '';
  if (secret.length < 32) {
    secret = randomBytes(48).toString('base64url');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  return { ...config, jwtSecret: secret, signingSecretFile: file };
}
