/**
 * A seccomp deny-list for everything inside bubblewrap (sandbox.md §5.2): kernel interfaces a Go
 * program or the Go toolchain never needs, several of which have been the way out of containers
 * (io_uring, perf_event_open, bpf, userfaultfd, keyrings). Namespaces, capabilities and cgroups
 * already stop most of them; this takes the kernel code itself out of reach.
 *
 * bubblewrap takes a compiled classic-BPF program (`--seccomp FD`); libseccomp is not needed for a
 * flat deny-list, so it is assembled here. x86-64 only: other architectures run without it (and
 * health says so).
 */

/** x86-64 syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl). */
export const DENIED_SYSCALLS: Readonly<Record<string, number>> = {
  ptrace: 101,
  syslog: 103,
  personality: 135,
  vhangup: 153,
  pivot_root: 155,
  adjtimex: 159,
  acct: 163,
  settimeofday: 164,
  mount: 165,
  umount2: 166,
  swapon: 167,
  swapoff: 168,
  reboot: 169,
  init_module: 175,
  delete_module: 176,
  quotactl: 179,
  clock_settime: 227,
  kexec_load: 246,
  add_key: 248,
  request_key: 249,
  keyctl: 250,
  unshare: 272,
  perf_event_open: 298,
  name_to_handle_at: 303,
  open_by_handle_at: 304,
  clock_adjtime: 305,
  setns: 308,
  process_vm_readv: 310,
  process_vm_writev: 311,
  finit_module: 313,
  kexec_file_load: 320,
  bpf: 321,
  userfaultfd: 323,
  io_uring_setup: 425,
  io_uring_enter: 426,
  io_uring_register: 427,
  open_tree: 428,
  move_mount: 429,
  fsopen: 430,
  fsconfig: 431,
  fsmount: 432,
  fspick: 433,
  mount_setattr: 442,
};

const AUDIT_ARCH_X86_64 = 0xc000003e;
/** Syscall numbers with this bit set are the x32 ABI, a second table to keep out entirely. */
const X32_SYSCALL_BIT = 0x40000000;
const EPERM = 1;

const BPF_LD_W_ABS = 0x20;
const BPF_JEQ_K = 0x15;
const BPF_JGE_K = 0x35;
const BPF_RET_K = 0x06;
const RET_ALLOW = 0x7fff0000;
const RET_ERRNO = 0x00050000;
const RET_KILL_PROCESS = 0x80000000;

type Insn = [code: number, jt: number, jf: number, k: number];

/** The filter as the kernel's `struct sock_filter[]`: 8 little-endian bytes an instruction. */
export function seccompProgram(): Buffer {
  const deny: Insn = [BPF_RET_K, 0, 0, RET_ERRNO | EPERM];
  const insns: Insn[] = [
    [BPF_LD_W_ABS, 0, 0, 4], // seccomp_data.arch
    [BPF_JEQ_K, 1, 0, AUDIT_ARCH_X86_64],
    [BPF_RET_K, 0, 0, RET_KILL_PROCESS], // a 32-bit syscall entry: never legitimate here
    [BPF_LD_W_ABS, 0, 0, 0], // seccomp_data.nr
    [BPF_JGE_K, 0, 1, X32_SYSCALL_BIT],
    deny,
  ];
  // One compare-and-deny pair per syscall keeps every jump offset at 0 or 1.
  for (const nr of Object.values(DENIED_SYSCALLS)) insns.push([BPF_JEQ_K, 0, 1, nr], deny);
  insns.push([BPF_RET_K, 0, 0, RET_ALLOW]);

  const buf = Buffer.alloc(insns.length * 8);
  insns.forEach(([code, jt, jf, k], i) => {
    buf.writeUInt16LE(code, i * 8);
    buf.writeUInt8(jt, i * 8 + 2);
    buf.writeUInt8(jf, i * 8 + 3);
    buf.writeUInt32LE(k >>> 0, i * 8 + 4);
  });
  return buf;
}

/**
 * The program for this host, or undefined where the numbers above do not apply. It is never
 * written to disk: launch.ts hands it to bwrap through a pipe on fd 3, because a file in a shared
 * tmp dir can be planted by another local user first (docs/SECURITY.md, finding S1).
 */
export function seccompFilter(): Buffer | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') return undefined;
  return seccompProgram();
}
