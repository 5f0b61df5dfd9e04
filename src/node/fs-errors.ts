/** The code of a Node fs error (`ENOENT`), or '' for anything else. */
export function fsErrorCode(e: unknown): string {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : '';
}

/** What a failed file operation means to the user, in words; the code itself when unusual. */
export function describeFsError(e: unknown): string {
  const code = fsErrorCode(e);
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the disk';
    case '':
      return e instanceof Error ? e.message : String(e);
    default:
      return code;
  }
}
