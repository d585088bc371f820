/** The demo reports bundled in `assets/demo-library/`, written by us, as files the import reads like any other. */
const DEMO_REPORTS = import.meta.glob<string>('../../assets/demo-library/*.md', { query: '?raw', import: 'default', eager: true });

/** The demo library as `File`s, ready for {@link importReportFiles}. */
export function demoLibraryFiles(): File[] {
  return Object.entries(DEMO_REPORTS).map(([path, text]) => new File([text], path.split('/').pop()!, { type: 'text/markdown' }));
}
