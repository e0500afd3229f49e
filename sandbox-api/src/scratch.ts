import { ApiFailure } from './errors.ts';

/**
 * The service's own disk failing (full, read-only) is not the user's fault and not a crash:
 * a 503 that says so, so clients retry instead of reporting a bug.
 */
export function scratch<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new ApiFailure(
      503,
      {
        code: 'unavailable',
        message: `the service's scratch disk is not usable right now (${code}); try again shortly`,
      },
      10,
    );
  }
}

/** Cleanup on a disk that may be failing: its error is not the one the caller should see. */
export function scratchQuietly(fn: () => void): void {
  try {
    fn();
  } catch {
    // left for the sweep at the next start (workspace.ts `sweepWorkspaces`)
  }
}
