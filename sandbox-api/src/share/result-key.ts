import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

const KEY_BYTES = 32;

/**
 * The key that signs analyze results, kept in a file only the service user can read (0600):
 * created on first start, reused after, so share links recorded before a restart stay valid.
 * A key file that is a symlink, owned by someone else or readable by others is refused — who can
 * read it can sign invented results.
 */
export function loadResultKey(file: string): Buffer {
  if (!fs.existsSync(file)) {
    // Written whole under a private name, then linked into place: a second process starting at
    // the same moment either wins the link or reads the complete key, never a half-written one.
    const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
    fs.writeFileSync(temp, randomBytes(KEY_BYTES), { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(temp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(temp, { force: true });
    }
  }
  const st = fs.lstatSync(file);
  const uid = process.getuid?.();
  const wrong = !st.isFile()
    ? 'is not a regular file'
    : uid !== undefined && st.uid !== uid
      ? `is owned by uid ${st.uid}, not the service's uid ${uid}`
      : (st.mode & 0o077) !== 0
        ? `has mode ${(st.mode & 0o777).toString(8)}; it must be 600`
        : st.size !== KEY_BYTES
          ? `holds ${st.size} bytes, not ${KEY_BYTES}`
          : undefined;
  if (wrong) throw new Error(`refusing the result-signing key ${file}: it ${wrong}`);
  return fs.readFileSync(file);
}
