/** Limits every import enforces; each breach is reported with the file and the limit. */
export interface ImportLimits {
  /** Largest single report file, or zip entry once inflated: research notes are kilobytes. */
  maxFileBytes: number;
  /** Most entries one zip may list: real archives of years of posts have a few thousand. */
  maxArchiveEntries: number;
  /** Most bytes one zip may inflate to in total: guards against zip bombs whatever their headers claim. */
  maxArchiveInflatedBytes: number;
  /** Largest backup file: 10,000 reports with their original text are ~100 MB. */
  maxBackupBytes: number;
  /**
   * Most bytes a backup zip may inflate to in total. A backup is restored part by part (each at most 20 MB, written
   * as it is read), so its size is not held in memory; it must admit every library a backup can be made of (200,000
   * reports), or an export would make a file its own import refuses (100,000 reports of 4–20 KB are 1.3 GB of text).
   */
  maxBackupInflatedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxArchiveEntries: 50_000,
  maxArchiveInflatedBytes: 1024 * 1024 * 1024,
  maxBackupBytes: 1024 * 1024 * 1024,
  maxBackupInflatedBytes: 8 * 1024 * 1024 * 1024,
};

/** `20 MB` style sizes for messages. */
export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1048576).toFixed(bytes % 1048576 ? 1 : 0)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} bytes`;
