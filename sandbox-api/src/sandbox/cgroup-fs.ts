import fs from 'node:fs';

/*
 * Tolerant reads and writes for cgroupfs, shared by the v1 and v2 managers: a control file may be
 * absent (a kernel without swap accounting) and a group may vanish while we look.
 */

export function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

export function readdirOr(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export function writeQuiet(file: string, value: string): void {
  try {
    fs.writeFileSync(file, value);
  } catch {
    // optional control file
  }
}

export function rmdirQuiet(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch {
    // busy or gone
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
