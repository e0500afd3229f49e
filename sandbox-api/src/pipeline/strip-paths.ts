/**
 * Removes host and sandbox paths from text a user will see: the job dir disappears (leaving
 * `main.go:3:2`), GOROOT becomes `$GOROOT/`, the state dir `$STATE/`. Longest prefixes first,
 * so a job dir inside the state dir is removed rather than half-replaced.
 */
export function makePathStripper(
  jobDirs: readonly string[],
  goroot: string,
  stateDir: string,
): (text: string) => string {
  const rules: [string, string][] = [
    ...jobDirs.flatMap((d): [string, string][] => [
      [`file://${d}/`, ''],
      [`${d}/`, ''],
    ]),
    [`${goroot}/`, '$GOROOT/'],
    [`${stateDir}/`, '$STATE/'],
    [stateDir, '$STATE'],
  ];
  rules.sort((a, b) => b[0].length - a[0].length);
  return (text) => {
    let out = text;
    for (const [from, to] of rules) out = out.split(from).join(to);
    return out;
  };
}
