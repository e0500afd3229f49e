/** Whether the page is an embed (`?embed=1`): it shows its link's state and saves nothing. */
export function isEmbed(): boolean {
  return new URLSearchParams(location.search).has('embed');
}

/** The query that keeps embed mode through a reload or a rewritten address. */
export function embedQuery(): string {
  return isEmbed() ? '?embed=1' : '';
}
