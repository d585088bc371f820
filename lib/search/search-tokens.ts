/** Splits text into word-like segments in any language (the built-in Unicode segmenter; no dictionary to ship). */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Search tokens of a text: Latin words and numbers lowercased; Chinese as overlapping character pairs (a single
 * character alone), so `阿里巴巴` is found by `阿里`, `里巴` and `巴巴` whatever way the segmenter cut it.
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  for (let start = 0; start < lower.length;) {
    const end = pieceEnd(lower, start);
    for (const { segment, isWordLike } of SEGMENTER.segment(lower.slice(start, end))) {
      if (!isWordLike) continue;
      if (!CJK.test(segment)) {
        tokens.push(segment);
        continue;
      }
      if (segment.length === 1) tokens.push(segment);
      for (let i = 0; i + 1 < segment.length; i++) tokens.push(segment.slice(i, i + 2));
    }
    start = end;
  }
  return tokens;
}

/**
 * Longest piece of text handed to the segmenter at once. V8's segmenter slows down with the square of the length of
 * what it segments: a report field of 256 KB of dots took 115 s in one piece (found by the ReDoS suite), milliseconds
 * in pieces of this size.
 */
const SEGMENT_PIECE_UNITS = 1024;

/** Where the piece from `start` ends: after the last space or sentence mark within the size, so words stay whole. */
function pieceEnd(text: string, start: number): number {
  const limit = start + SEGMENT_PIECE_UNITS;
  if (limit >= text.length) return text.length;
  for (let i = limit - 1; i > start + SEGMENT_PIECE_UNITS / 2; i--) {
    const unit = text.charCodeAt(i);
    if (unit === 32 || unit === 10 || unit === 9 || unit === 0x3000 || unit === 0xff0c || unit === 0x3002 || unit === 0x3001) return i + 1;
  }
  return limit;
}
