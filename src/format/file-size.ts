/** A file size as readers read it, in Swedish: "312 kB", "1,4 MB" (1 kB = 1 000 bytes). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1000 / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} MB`;
}
