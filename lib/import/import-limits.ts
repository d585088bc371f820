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
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxArchiveEntries: 50_000,
  maxArchiveInflatedBytes: 1024 * 1024 * 1024,
  maxBackupBytes: 1024 * 1024 * 1024,
};

/** `20 MB` style sizes for messages. */
export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1048576).toFixed(bytes % 1048576 ? 1 : 0)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} bytes`;
