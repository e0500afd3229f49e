/**
 * The environment every `go` invocation sees, at warm-up and in jobs alike: the build cache's
 * action IDs depend on it, so a job with a different env would miss the warm cache. A
 * GOEXPERIMENT changes the runtime itself, so each setting has its own warm cache (warm.ts).
 */
export function goEnv(
  goroot: string,
  gocache: string,
  goexperiment?: string,
): Record<string, string> {
  return {
    ...(goexperiment ? { GOEXPERIMENT: goexperiment } : {}),
    PATH: `${goroot}/bin:/usr/bin:/bin`,
    GOROOT: goroot,
    GOCACHE: gocache,
    CGO_ENABLED: '0',
    GOTOOLCHAIN: 'local',
    GOPROXY: 'off',
    GOSUMDB: 'off',
    GOFLAGS: '-buildvcs=false',
    GOENV: 'off',
    GOWORK: 'off',
    GOTELEMETRY: 'off',
    HOME: '/tmp',
    GOPATH: '/tmp/gopath',
    // No GOOS/GOARCH: the toolchain builds for its own platform, the host's (discover.ts offers
    // only toolchains whose `go env GOOS GOARCH` match the local one), so jobs run natively.
  };
}
