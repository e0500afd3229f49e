/** How often the dashboard asks for changes while its live stream is unavailable. */
export const POLL_MS = 2000;
