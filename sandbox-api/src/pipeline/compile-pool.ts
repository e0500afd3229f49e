import path from 'node:path';
import type { PreparedLaunch } from '../sandbox/launch.ts';
import type { Workspace } from './workspace.ts';

/** A compile sandbox set up ahead: its empty job dir, and the ladder blocked before exec. */
export interface ReadyCompile {
  ws: Workspace;
  launch: PreparedLaunch;
}

/** What the pool holds while idle, for tests that count what the service leaves behind. */
export interface IdleSandboxes {
  /** Job dir names (`job-<pid>-<n>`). */
  dirs: string[];
  /** Job cgroup dirs, absolute. */
  cgroups: string[];
}

export interface CompilePool {
  /**
   * A ready sandbox for `key` (a toolchain), or undefined when none is ready; either way the
   * pool is topped up again for `key` once this turn of the event loop is over, with `make`.
   * Each sandbox serves one job and is never handed out twice.
   */
  take(key: string, make: () => ReadyCompile): ReadyCompile | undefined;
  idle(): IdleSandboxes;
  /** Cancels every idle sandbox and removes its dir; nothing is made after. */
  close(): Promise<void>;
}

/**
 * Compile sandboxes set up before their requests, as the Go playground keeps containers ready:
 * a cache-miss build then waits only for the compiler, not for the 30–40 ms of cgroup, uid drop,
 * namespaces and mounts before it (the step's own ladder and limits, `compileSpec`; its wall
 * clock starts at release). `size` per toolchain key; 0 turns the pool off.
 */
export function compilePool(size: number, log: (line: string) => void): CompilePool {
  const ready = new Map<string, ReadyCompile[]>();
  /** Keys with a top-up already scheduled: a burst of takes schedules one, not one each. */
  const scheduled = new Set<string>();
  let closed = false;
  const discard = (r: ReadyCompile): void => {
    void r.launch.cancel().finally(() => r.ws.remove());
  };
  const topUp = (key: string, make: () => ReadyCompile): void => {
    scheduled.delete(key);
    const list = ready.get(key) ?? [];
    ready.set(key, list);
    try {
      while (!closed && list.length < size) list.push(make());
    } catch (e) {
      // A full disk or a failed spawn: the next job launches its own sandbox, as without a pool.
      log(`compile pool: could not set a sandbox up (${(e as Error).message})`);
    }
  };
  return {
    take(key, make) {
      if (size <= 0 || closed) return undefined;
      const list = ready.get(key) ?? [];
      let got = list.shift();
      // One killed from outside while it waited would fail its job: pass over it, and remove it.
      while (got?.launch.ended()) {
        log('compile pool: an idle sandbox had ended; removed');
        discard(got);
        got = list.shift();
      }
      if (!scheduled.has(key)) {
        scheduled.add(key);
        // setImmediate: the taken sandbox's compiler is released first; the spawns of the next
        // one (synchronous, the service's own CPU) then overlap its work instead of delaying it.
        setImmediate(() => topUp(key, make));
      }
      return got;
    },
    idle() {
      const all = [...ready.values()].flat();
      return {
        dirs: all.map((r) => path.basename(r.ws.dir)),
        cgroups: all.flatMap((r) => r.launch.procsFiles().map((f) => path.dirname(f))),
      };
    },
    async close() {
      closed = true;
      const all = [...ready.values()].flat();
      ready.clear();
      await Promise.all(
        all.map(async (r) => {
          await r.launch.cancel();
          r.ws.remove();
        }),
      );
    },
  };
}
