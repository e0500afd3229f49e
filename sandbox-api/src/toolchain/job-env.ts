/**
 * The environment every `go` invocation sees, at warm-up and in jobs alike: the build cache's
 * action IDs depend on it, so a job with a different env would miss the warm cache.
 */
export function goEnv(goroot: string, gocache: string): Record<string, string> {
  return {
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
    GOOS: 'linux',
    GOARCH: 'amd64',
  };
}
