import { z } from 'zod';

/**
 * The single gate every candidate file passes before it is stored or sent to a sandbox.
 * Paths are plain relative POSIX paths of ASCII name segments, so nothing a candidate names
 * can climb out of the work dir, hide as a dotfile (sitecustomize tricks, .pth), or collide
 * on a case-insensitive file system.
 */
export const FILE_LIMITS = {
  maxFiles: 50,
  maxPathLength: 200,
  maxSegmentLength: 64,
  maxDepth: 6,
  maxFileBytes: 256 * 1024,
  maxTotalBytes: 1024 * 1024,
} as const;

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export const FilePath = z
  .string()
  .min(1, 'a file path cannot be empty')
  .max(FILE_LIMITS.maxPathLength, `a file path can have at most ${FILE_LIMITS.maxPathLength} characters`)
  .superRefine((path, ctx) => {
    const problem = pathProblem(path);
    if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(path)}: ${problem}` });
  });

function pathProblem(path: string): string | undefined {
  if (path.startsWith('/')) return 'use a relative path (no leading "/")';
  if (path.includes('\\')) return 'use "/" to separate folders';
  const segments = path.split('/');
  if (segments.length > FILE_LIMITS.maxDepth) return `folders can nest at most ${FILE_LIMITS.maxDepth} deep`;
  for (const segment of segments) {
    if (segment === '' ) return 'a path cannot contain an empty folder name ("//" or a trailing "/")';
    if (segment === '.' || segment === '..') return '"." and ".." are not allowed in a path';
    if (segment.length > FILE_LIMITS.maxSegmentLength)
      return `each name in a path can have at most ${FILE_LIMITS.maxSegmentLength} characters`;
    if (!SEGMENT.test(segment))
      return 'names may use only ASCII letters, digits, ".", "_" and "-", and cannot start with "."';
  }
  return undefined;
}

export const FileContent = z
  .string()
  .refine((text) => !text.includes('\u0000'), 'file content cannot contain NUL bytes (only text files are accepted)')
  .refine(
    (text) => Buffer.byteLength(text, 'utf8') <= FILE_LIMITS.maxFileBytes,
    `a file can be at most ${FILE_LIMITS.maxFileBytes / 1024} KiB`,
  );

export const SubmittedFile = z.object({ path: FilePath, content: FileContent }).strict();
export type SubmittedFile = z.infer<typeof SubmittedFile>;

/** A whole set of files: limits on count, total size and case-insensitive uniqueness. */
export const SubmittedFiles = z
  .array(SubmittedFile)
  .max(FILE_LIMITS.maxFiles, `at most ${FILE_LIMITS.maxFiles} files can be submitted`)
  .superRefine((files, ctx) => {
    const seen = new Map<string, string>();
    let total = 0;
    for (const file of files) {
      const folded = file.path.toLowerCase();
      const earlier = seen.get(folded);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `"${file.path}" and "${earlier}" differ only in case; rename one of them`,
        });
      }
      seen.set(folded, file.path);
      total += Buffer.byteLength(file.content, 'utf8');
    }
    if (total > FILE_LIMITS.maxTotalBytes) {
      ctx.addIssue({ code: 'custom', message: `all files together can be at most ${FILE_LIMITS.maxTotalBytes / 1024} KiB` });
    }
  });
