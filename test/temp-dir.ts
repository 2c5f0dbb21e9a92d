import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const made: string[] = [];

/** A fresh folder under the system temp dir, removed when this process exits (tests and the
 * bench write sessions, Redis data and sockets there; none of it may pile up run after run). */
export function tempDir(name: string): string {
  if (!made.length) process.once('exit', () => made.forEach((dir) => rmSync(dir, {recursive: true, force: true})));
  const dir = mkdtempSync(join(tmpdir(), `page-state-${name}-`));
  made.push(dir);
  return dir;
}
