import fs from 'node:fs';
import path from 'node:path';

/** The state dir (or a dir on its way) is not safe to trust; the message names path and why. */
export class StateDirError extends Error {
  override name = 'StateDirError';
}

const STICKY = 0o1000;

/**
 * Creates the state dir where missing and refuses one that another local user could have
 * prepared (docs/SECURITY.md, finding S2): the service keeps its warm build caches, job dirs and
 * the share database there, and every compile trusts the standard library's export data in it.
 *
 * - The state dir and every dir created here: a real directory (no symlink), owned by this
 *   process's uid, not writable by group or others.
 * - Dirs that already existed above it: owned by root or this uid, and writable by group or
 *   others only with the sticky bit (`/tmp`), so nobody else can rename our dir away; a symlink
 *   among them must be owned by root or this uid.
 *
 * The state dir ends up 0755: the sandbox uid must traverse it to reach its job dir. As root
 * (jobs run as the sandbox uid) every dir above must be searchable by others too, or each job's
 * bubblewrap fails to bind its job dir: refused here with the path instead.
 */
export function prepareStateDir(dir: string, uid: number = process.geteuid?.() ?? 0): string {
  const target = path.resolve(dir);
  const parts = target.split(path.sep).filter((p) => p !== '');
  let current: string = path.sep;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    const last = i === parts.length - 1;
    let st = lstatOr(current);
    if (st === undefined) {
      try {
        fs.mkdirSync(current, { mode: 0o755 });
        fs.chmodSync(current, 0o755); // the umask may have taken bits the sandbox uid needs
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw new StateDirError(`state dir: cannot create ${current}: ${(e as Error).message}`);
        }
      }
      st = lstatOr(current);
      // Created by us, or by someone racing us: either way it must pass as ours.
      if (st === undefined) throw new StateDirError(`state dir: ${current} vanished`);
      mustBeOurs(current, st, uid);
    } else if (last) {
      mustBeOurs(current, st, uid);
    } else {
      mustBeTrustedAncestor(current, st, uid);
      if (uid === 0 && st.isDirectory() && (st.mode & 0o001) === 0)
        throw refuse(
          current,
          `is not searchable by other users (mode ${octal(st.mode)}), so the sandbox uid cannot reach its job dir`,
        );
    }
  }
  fs.chmodSync(target, 0o755);
  return target;
}

function mustBeOurs(p: string, st: fs.Stats, uid: number): void {
  if (st.isSymbolicLink()) throw refuse(p, 'is a symlink');
  if (!st.isDirectory()) throw refuse(p, 'is not a directory');
  if (st.uid !== uid) throw refuse(p, `is owned by uid ${st.uid}, not this service's uid ${uid}`);
  if ((st.mode & 0o022) !== 0)
    throw refuse(p, `is group- or world-writable (mode ${octal(st.mode)})`);
}

function mustBeTrustedAncestor(p: string, st: fs.Stats, uid: number): void {
  if (st.uid !== 0 && st.uid !== uid)
    throw refuse(p, `is owned by uid ${st.uid}, neither root nor this service's uid ${uid}`);
  if (st.isSymbolicLink()) return;
  if (!st.isDirectory()) throw refuse(p, 'is not a directory');
  if ((st.mode & 0o022) !== 0 && (st.mode & STICKY) === 0)
    throw refuse(p, `is group- or world-writable without the sticky bit (mode ${octal(st.mode)})`);
}

function refuse(p: string, why: string): StateDirError {
  return new StateDirError(
    `refusing to use the state dir: ${p} ${why}. Another local user could have prepared it; ` +
      'remove it or point GML_STATE_DIR at a directory only this service user can write.',
  );
}

function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8)}`;
}

function lstatOr(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateDirError(`state dir: cannot inspect ${p}: ${(e as Error).message}`);
  }
}
