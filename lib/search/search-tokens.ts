/** Han ideographs (with extension A and the compatibility block): searched by character pairs. */
const isHan = (unit: number) => (unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xf900 && unit <= 0xfaff);
/** Letters, digits and combining marks outside ASCII (Latin with accents, Cyrillic, kana …) continue a word. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** How a UTF-16 unit reads: a separator, part of a word, or a Han character. */
const Kind = { Separator: 0, Word: 1, Han: 2 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function kindOf(text: string, i: number): Kind {
  const unit = text.charCodeAt(i);
  if (unit < 0x80) return (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x30 && unit <= 0x39) ? Kind.Word : Kind.Separator;
  if (isHan(unit)) return Kind.Han;
  // A surrogate pair is one character (CJK extension B, emoji): read whole, it continues a word if it is a letter.
  if (unit >= 0xd800 && unit <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2)) ? Kind.Word : Kind.Separator;
  if (unit >= 0xdc00 && unit <= 0xdfff) return kindOf(text, i - 1);
  return WORD_CHAR.test(text[i]!) ? Kind.Word : Kind.Separator;
}

/**
 * Search tokens of a text: words (runs of letters and digits, any script but Han) lowercased, and each run of Han
 * characters as its overlapping character pairs (a lone character as itself), so `阿里巴巴云` is found by `阿里`,
 * `里巴`, `巴巴` and `巴云` wherever a word boundary would fall. The usual CJK bigram scheme of full-text engines; one
 * pass over the text, no dictionary and no segmenter (V8's `Intl.Segmenter` cost ~60 µs per report digest, most of
 * the index build at 100,000 reports, and slows with the square of the piece it is given).
 */
export function searchTokens(text: string): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  let start = 0;
  let kind: Kind = Kind.Separator;
  const close = (end: number) => {
    if (kind === Kind.Word) tokens.push(lower.slice(start, end));
    else if (kind === Kind.Han) {
      if (end - start === 1) tokens.push(lower[start]!);
      for (let i = start; i + 1 < end; i++) tokens.push(lower.slice(i, i + 2));
    }
  };
  for (let i = 0; i < lower.length; i++) {
    const next = kindOf(lower, i);
    if (next === kind) continue;
    close(i);
    kind = next;
    start = i;
  }
  close(lower.length);
  return tokens;
}

/** The query's last token is a prefix (still being typed) unless the query ends in a separator. */
export function endsInWord(query: string): boolean {
  return query.length > 0 && kindOf(query.toLowerCase(), query.length - 1) !== Kind.Separator;
}
