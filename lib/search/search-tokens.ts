/** Splits text into word-like segments in any language (the built-in Unicode segmenter; no dictionary to ship). */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Search tokens of a text: Latin words and numbers lowercased; Chinese as overlapping character pairs (a single
 * character alone), so `阿里巴巴` is found by `阿里`, `里巴` and `巴巴` whatever way the segmenter cut it.
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const { segment, isWordLike } of SEGMENTER.segment(text.toLowerCase())) {
    if (!isWordLike) continue;
    if (!CJK.test(segment)) {
      tokens.push(segment);
      continue;
    }
    if (segment.length === 1) tokens.push(segment);
    for (let i = 0; i + 1 < segment.length; i++) tokens.push(segment.slice(i, i + 2));
  }
  return tokens;
}
