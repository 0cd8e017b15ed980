// argon2id password hashes. Verification always does the same work, whether or not the account exists.
import argon2 from 'argon2';

// OWASP's recommended argon2id setting (19 MiB, 2 passes, 1 lane): strong, yet cheap enough that a
// burst of logins does not exhaust the memory of a small server.
const PARAMS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, PARAMS);
}

let dummyHash: Promise<string> | undefined;

/**
 * True when `password` matches `hash`. Without a hash (unknown account, pending invitation) it still
 * verifies against a throw-away hash, so response times do not tell which emails have accounts.
 */
export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    // A malformed stored hash is a wrong password, not a 500.
    return false;
  }
}
