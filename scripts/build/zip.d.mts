/** A reproducible zip of `files` (see zip.mjs). */
export function zipFiles(files: { path: string; data: Buffer }[]): Buffer;
