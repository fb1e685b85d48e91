/** Reading local evidence files: where a reference points and the SHA-256 of its bytes. */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A local reference is relative to the folder of the answers file. */
export function evidencePath(ref: string, answersPath: string): string {
  return resolve(dirname(answersPath), ref);
}

/** Whether `path` is a regular file (a folder or nothing at all is not evidence). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Lower-case hex SHA-256 of a file, streamed so a large export never sits in memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
