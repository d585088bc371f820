import type { StoredReport } from '../../lib/db/database';

/**
 * A digest row for tests that seed the `reports` table directly: an empty, undated report of its own file, with
 * `fields` (title, date, source, summary …) laid over it. The id is the test's; it need not be a real content hash.
 */
export function storedReport(id: string, fields: Partial<StoredReport> = {}): StoredReport {
  return {
    id,
    title: id,
    summary: '',
    keyPoints: [],
    risks: [],
    securities: [],
    securityIds: [],
    format: 'markdown',
    tags: [],
    fileName: `${id}.md`,
    importId: 1,
    importedAt: '2025-01-01',
    ...fields,
  };
}
