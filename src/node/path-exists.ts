import { access } from 'node:fs/promises';

/** Whether a file or folder is there; any error (missing, unreadable parent) counts as not. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
