/**
 * The two things about reading offline that the first screen's script needs: where the worker is,
 * and how its "not saved" answer is told apart from a failure. Kept apart from offline.ts, whose cache
 * names and keys only later parts and the worker use, so the first script does not carry them.
 */

/** At the site's root, so its scope is the whole site. */
export const SERVICE_WORKER_PATH = '/sw.js';

/**
 * Set on the worker's answer for a file it has no copy of while the network is down (status 503), so
 * the app can say "not saved for offline reading" rather than "failed".
 */
export const NOT_SAVED_HEADER = 'Offline-Not-Saved';
