/**
 * CJK Radicals Supplement code points that PDF fonts (Noto/Source Han among them) map simplified characters to in
 * their ToUnicode tables: `⻓` for 长, `⻋` for 车. Unicode's EquivalentUnifiedIdeograph.txt gives the character each
 * stands for; NFKC maps none of these (it does map the Kangxi Radicals block, see {@link normaliseRadicals}).
 */
const RADICAL_SUPPLEMENT =
  '⺁厂⺄乙⺅亻⺆冂⺊卜⺌小⺍小⺎兀⺏尢⺐尢⺑尢⺒巳⺓幺⺔彑⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪疋⺫目⺬示⺭礻⺮竹⺯糸⺰纟⺱罒⺲罒⺳罓⺶羊⺷羊⺹耂⺺肀⺻聿⺼月⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

const SUPPLEMENT_MAP = new Map<string, string>();
for (let i = 0; i < RADICAL_SUPPLEMENT.length; i += 2) SUPPLEMENT_MAP.set(RADICAL_SUPPLEMENT[i]!, RADICAL_SUPPLEMENT[i + 1]!);

/** Kangxi Radicals (U+2F00–U+2FD5) and the supplement: the code points fonts give for ordinary characters. */
const RADICAL = /[\u2e80-\u2ef3\u2f00-\u2fd5]/g;

/**
 * Replaces radical code points with the characters they stand for (`⼒` → 力, `⻓` → 长), and nothing else: NFKC on
 * the whole text would also turn full-width punctuation (`，（`) into ASCII.
 */
export const normaliseRadicals = (text: string) =>
  text.replace(RADICAL, (radical) => SUPPLEMENT_MAP.get(radical) ?? radical.normalize('NFKC'));

/** Han characters, CJK punctuation and full-width forms: text that is never separated by spaces. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2015\\u2018-\\u201d\\u2026';
const IS_CJK = new RegExp(`[${CJK}]`, 'u');
const ENDS_CJK = new RegExp(`[${CJK}]$`, 'u');
const STARTS_CJK = new RegExp(`^[${CJK}]`, 'u');

/**
 * Removes the spaces a PDF puts between CJK characters (justified lines are set with character spacing, which text
 * extraction reads as spaces: `净 利 润 490.3 亿 元`), and those between CJK and Latin text; spaces between Latin words
 * stay. Runs of spaces become one.
 */
export const squashCjkSpaces = (text: string) =>
  // One pass over each run of spaces, its neighbours looked at once: a pattern with a lookahead after `[ ]+` would
  // rescan a long run from each of its spaces (quadratic).
  text
    .replace(/[ \t\u00a0]+/g, (run: string, at: number, whole: string) =>
      IS_CJK.test(whole[at - 1] ?? '') || IS_CJK.test(whole[at + run.length] ?? '') ? '' : ' ',
    )
    .trim();

/** Joins two pieces of one line or one paragraph: no space when either side is CJK, else one. */
export function joinText(before: string, after: string): string {
  if (!before) return after;
  if (!after) return before;
  if (ENDS_CJK.test(before) || STARTS_CJK.test(after) || /\s$/.test(before) || /^\s/.test(after)) return before + after;
  // A line ending in a hyphen goes on without a space; the hyphen stays (`year-on-` + `year` is a compound).
  if (/[a-z]-$/i.test(before)) return before + after;
  return `${before} ${after}`;
}
