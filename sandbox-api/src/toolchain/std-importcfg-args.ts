/**
 * `go list` arguments that build the standard library into the GOCACHE and print an importcfg
 * for it (`packagefile path=export`, one line per package): the master warm-up (warm.ts) and the
 * linker's copy without DWARF (link-std.ts, with its `-gcflags`) run the same listing.
 */
export function stdImportcfgArgs(extra: readonly string[] = []): string[] {
  return [
    'list',
    '-export',
    '-deps',
    ...extra,
    '-f',
    '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}',
    'std',
  ];
}
