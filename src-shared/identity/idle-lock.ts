import { z } from 'zod';

/**
 * Locking the keys after a period without activity: a laptop left open in a meeting room or on a site visit
 * should not stay able to sign scores (docs/security.md, promise 4). Main runs no timer: the renderer, which sees
 * the input events, calls `identity:lock` once the idle time (`idleMinutes` of `identity:status`) has passed. The
 * rule is this pure helper, shared by main (the settings schema) and the renderer (the decision).
 */

/**
 * Minutes without activity before the keys lock: 15 by default, the inactivity limit NIST SP 800-63B (rev. 3,
 * §4.3.3) sets for reauthentication at AAL3 (§4.2.3 allows 30 at AAL2); at most 240, so a setting can lengthen
 * the wait but never turn locking off.
 */
export const idleMinutesSchema = z.number().int().min(1).max(240).default(15);

/**
 * True once `idleMinutes` have passed since the last activity. Pass a monotonic clock (performance.now()), not
 * wall time: a wall clock set back would postpone the lock. Fails safe: non-finite times lock, and an idle setting
 * outside the schema falls back to the default instead of disabling the lock.
 */
export function shouldLock(lastActivityMs: number, nowMs: number, idleMinutes: number): boolean {
  if (!Number.isFinite(lastActivityMs) || !Number.isFinite(nowMs)) return true;
  const minutes = idleMinutesSchema.safeParse(idleMinutes);
  const limit = minutes.success ? minutes.data : idleMinutesSchema.parse(undefined);
  return nowMs - lastActivityMs >= limit * 60_000;
}
