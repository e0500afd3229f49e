/** How often the dashboard asks for changes: a check shows up at most this long after it lands. */
export const POLL_MS = 2000;
