import { parse as parseYaml } from 'yaml';

/** The front-matter fields we read (Jekyll, Hugo, Astro content); anything else is ignored. */
export interface FrontMatter {
  title?: string;
  date?: string;
  categories: string[];
  tags: string[];
  source?: string;
  sourceUrl?: string;
  summary?: string;
  description?: string;
  /** Key points the front matter lists: a `summary`, `keyPoints` or `highlights` list. */
  keyPoints: string[];
}

/** A file split into its front matter and body. */
export interface SplitDocument {
  frontMatter: FrontMatter;
  body: string;
}

/** Raised for front matter that is present but unreadable; the message says why. */
export class FrontMatterError extends Error {}

const FENCE = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Limits for YAML: reports are small; anything bigger or alias-heavy is hostile or broken. Warnings (an unknown tag
 * such as `!!js/function`, read as plain text) are not logged: a hostile archive would fill the console with them.
 */
const YAML_LIMITS = { maxAliasCount: 100, prettyErrors: true, schema: 'core', uniqueKeys: false, logLevel: 'error' } as const;

const asText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  if (Array.isArray(value)) return value.map(asText).filter(Boolean).join(' ') || undefined;
  return undefined;
};

const asList = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(asText).filter((v): v is string => Boolean(v));
  const text = asText(value);
  return text ? text.split(/[,，]\s*|\s+/).filter(Boolean) : [];
};

/**
 * Splits `---` YAML front matter from the body. Files without front matter return empty fields and the whole text.
 * Throws {@link FrontMatterError} when the YAML is broken, so the import can name the file and the reason.
 */
export function splitFrontMatter(text: string): SplitDocument {
  const match = FENCE.exec(text);
  if (!match) return { frontMatter: { categories: [], tags: [], keyPoints: [] }, body: text };
  let data: unknown;
  try {
    data = parseYaml(match[1]!, YAML_LIMITS);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new FrontMatterError(`front matter is not valid YAML: ${reason}`);
  }
  const fields = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return {
    frontMatter: {
      title: asText(fields.title),
      date: asText(fields.date ?? fields.publishedAt ?? fields.posttime ?? fields.pubDate),
      categories: asList(fields.categories ?? fields.category),
      tags: asList(fields.tags),
      source: asText(fields.source ?? fields.author),
      sourceUrl: asText(fields.sourceUrl ?? fields.source_url ?? fields.url ?? fields.link),
      // A `summary:` list is the report's key points, not one paragraph (Astro content collections write it so).
      summary: Array.isArray(fields.summary) ? undefined : asText(fields.summary),
      description: asText(fields.description),
      keyPoints: [fields.summary, fields.keyPoints, fields.key_points, fields.highlights]
        .filter(Array.isArray)
        .flatMap((list) => list.map(asText))
        .filter((point): point is string => Boolean(point)),
    },
    body: text.slice(match[0].length),
  };
}

/**
 * A front-matter or text date as ISO 8601: `2021-12-20 09:31:14 +0800` → `2021-12-20T09:31:14+08:00`,
 * `2025-12-06` stays a date. `undefined` when it is no date.
 */
export function toIsoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(
    value.trim(),
  );
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, zone] = m;
  const date = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (h === undefined) return date;
  const offset = zone === undefined ? '' : zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return `${date}T${h.padStart(2, '0')}:${mi}:${s ?? '00'}${offset}`;
}
