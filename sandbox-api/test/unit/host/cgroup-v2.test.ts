import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectCgroups } from '../../../src/sandbox/cgroup.ts';
import { CgroupV2Manager } from '../../../src/sandbox/cgroup-v2.ts';

/**
 * The v2 manager against a fake cgroupfs: a plain directory laid out like a delegated subtree.
 * This machine's kernel is cgroup v1 (its unified tree has no controllers), so these tests prove
 * the files written and read back, not the kernel's enforcement (docs/SECURITY.md says which).
 * A plain directory refuses rmdir while the control files are in it; cgroupfs does not, so the
 * fake's removeDir deletes them too.
 */
let fake = '';
let base = '';
const removeDir = (dir: string): void => {
  const procs = path.join(dir, 'cgroup.procs');
  if (fs.existsSync(procs) && fs.readFileSync(procs, 'utf8').trim() !== '') {
    throw Object.assign(new Error('busy'), { code: 'EBUSY' });
  }
  fs.rmSync(dir, { recursive: true });
};
const read = (...p: string[]): string => fs.readFileSync(path.join(...p), 'utf8');

beforeEach(() => {
  fake = fs.mkdtempSync(path.join(os.tmpdir(), 'gml-fake-cgroupfs-'));
  base = path.join(fake, 'system.slice', 'go-memory-lab.service');
  fs.mkdirSync(base, { recursive: true });
  fs.writeFileSync(path.join(fake, 'cgroup.controllers'), 'cpuset cpu io memory hugetlb pids\n');
  fs.writeFileSync(path.join(base, 'cgroup.controllers'), 'cpuset cpu io memory pids\n');
  fs.writeFileSync(path.join(base, 'cgroup.subtree_control'), '');
  fs.writeFileSync(path.join(base, 'cgroup.type'), 'domain\n');
  fs.writeFileSync(path.join(base, 'cgroup.procs'), '4242\n');
});
afterEach(() => fs.rmSync(fake, { recursive: true, force: true }));

describe('cgroup v2 manager (fake cgroupfs)', () => {
  it('is detected from the service own cgroup when no v1 controllers are mounted', () => {
    const m = detectCgroups(fake, '0::/system.slice/go-memory-lab.service\n');
    expect(m?.version).toBe('v2');
    // The service moved out of its group so controllers can be enabled for children.
    expect(read(base, 'supervisor', 'cgroup.procs')).toBe('4242');
    expect(read(base, 'cgroup.subtree_control')).toBe('+memory +pids +cpu');
  });

  it('is not detected without the memory, pids and cpu controllers', () => {
    fs.writeFileSync(path.join(base, 'cgroup.controllers'), 'cpuset io\n');
    expect(detectCgroups(fake, '0::/system.slice/go-memory-lab.service\n')).toBeUndefined();
    expect(detectCgroups(fs.mkdtempSync(path.join(fake, 'empty-')), '')).toBeUndefined();
  });

  it('writes memory.max, memory.swap.max=0, memory.oom.group, pids.max and cpu.max', () => {
    const m = new CgroupV2Manager(base, { name: 'gml-1-1', removeDir });
    const job = m.create({ memoryBytes: 256 * 1024 * 1024, pids: 64, cpus: 1 });
    const dir = path.join(base, 'gml-1-1', 'job-1');
    expect(read(base, 'gml-1-1', 'cgroup.subtree_control')).toBe('+memory +pids +cpu');
    expect(read(dir, 'memory.max')).toBe(String(256 * 1024 * 1024));
    expect(read(dir, 'memory.swap.max')).toBe('0');
    expect(read(dir, 'memory.oom.group')).toBe('1');
    expect(read(dir, 'pids.max')).toBe('64');
    expect(read(dir, 'cpu.max')).toBe('100000 100000');
    expect(job.procsFiles()).toEqual([path.join(dir, 'cgroup.procs')]);
    expect(m.jobsPresent()).toEqual(['job-1']);
    m.create({ memoryBytes: 1, pids: 1, cpus: 0.5 });
    expect(read(base, 'gml-1-1', 'job-2', 'cpu.max')).toBe('50000 100000');
  });

  it('reads the OOM kill, the memory and pids limits and CPU time back', () => {
    const m = new CgroupV2Manager(base, { name: 'gml-1-1', removeDir });
    const job = m.create({ memoryBytes: 1024, pids: 8, cpus: 1 });
    const dir = path.join(base, 'gml-1-1', 'job-1');
    expect(job.verdict()).toEqual({
      cpuMs: 0,
      oomKilled: false,
      memoryLimitHit: false,
      pidsLimitHit: false,
    });
    fs.writeFileSync(
      path.join(dir, 'memory.events'),
      'low 0\nhigh 0\nmax 17\noom 1\noom_kill 1\noom_group_kill 1\n',
    );
    fs.writeFileSync(path.join(dir, 'pids.events'), 'max 3\n');
    fs.writeFileSync(path.join(dir, 'cpu.stat'), 'usage_usec 1500\nuser_usec 1000\n');
    expect(job.verdict()).toEqual({
      cpuMs: 1.5,
      oomKilled: true,
      memoryLimitHit: true,
      pidsLimitHit: true,
    });
  });

  it('kills through cgroup.kill and each listed pid, then removes the group', async () => {
    const m = new CgroupV2Manager(base, { name: 'gml-1-1', removeDir });
    const job = m.create({ memoryBytes: 1024, pids: 8, cpus: 1 });
    const dir = path.join(base, 'gml-1-1', 'job-1');
    const victim = spawn('sleep', ['60'], { stdio: 'ignore' });
    const exited = new Promise<string | null>((r) => victim.on('exit', (_c, sig) => r(sig)));
    fs.writeFileSync(path.join(dir, 'cgroup.procs'), `${victim.pid}\n`);
    // What the kernel does once the last task of a group is gone.
    void exited.then(() => fs.writeFileSync(path.join(dir, 'cgroup.procs'), ''));
    job.killAll();
    expect(read(dir, 'cgroup.kill')).toBe('1');
    expect(await exited).toBe('SIGKILL');
    await job.destroy();
    expect(fs.existsSync(dir)).toBe(false);
    expect(m.jobsPresent()).toEqual([]);
    m.removeParent();
    expect(fs.existsSync(path.join(base, 'gml-1-1'))).toBe(false);
  });

  it('sweeps the groups of a service that died, not those of a live one', async () => {
    const dead = new CgroupV2Manager(base, { name: 'gml-999999999-1', removeDir });
    dead.create({ memoryBytes: 1024, pids: 8, cpus: 1 });
    const live = new CgroupV2Manager(base, { name: `gml-${process.pid}-1`, removeDir });
    live.create({ memoryBytes: 1024, pids: 8, cpus: 1 });
    expect(await CgroupV2Manager.sweep(base, removeDir)).toBe(1);
    expect(fs.existsSync(path.join(base, 'gml-999999999-1'))).toBe(false);
    expect(live.jobsPresent()).toEqual(['job-1']);
  });
});
