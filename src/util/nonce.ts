import { randomBytes } from 'node:crypto';

/** A fresh crypto-random nonce for the webview Content-Security-Policy, one per rendered HTML. */
export function createNonce(): string {
  return randomBytes(18)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}
