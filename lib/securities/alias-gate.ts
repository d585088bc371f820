import { foldChineseVariants } from './chinese-variants';
import type { SecurityId } from './security-id';

/** Why the gate refused a name a report tried to teach. */
export type GateRefusal =
  | 'generic' // 基金, 美国能源, 科创芯片ETF基金: nothing left once the ordinary words are taken out
  | 'function-word' // 的安德利, 包含江河集团: prose glued to the front of a name
  | 'another-security' // 海尔生物 taught for 海尔智家: the master gives that name to another company
  | 'disagrees' // 社媒 for META: shares too little with the master's names for that code
  | 'unsupported'; // the master cannot vouch for it: two characters (苏吴), or a bare ticker (年复合增长率（CAGR）)

/**
 * What the gate reads of the dictionary: the master's names (and the user's own lists), never learned aliases, so a
 * name learned earlier is no evidence for itself. {@link SecurityDictionary} fits it through {@link referenceOf}.
 */
export interface NameReference {
  /** The names the master gives one listing. */
  namesOf(id: SecurityId): readonly string[];
  /** The listings the master gives one name. */
  idsForName(name: string): readonly SecurityId[];
  /** The listing and every other listing of its issuer. */
  issuerListings(id: SecurityId): readonly SecurityId[];
}

/**
 * Words that say what kind of thing something is, where, or in which market, but not which one: a name made only of
 * them (基金, 美国能源, 中概互联网ETF) names no company. Longest first, so 新能源 is taken whole before 能源.
 */
const GENERIC_WORDS = [
  // legal forms and corporate words
  '公司 集团 股份 控股 有限 科技 技术 实业 发展 投资 资本 企业 产业 国际',
  // market and product words
  '基金 指数 联接 ETF LOF REIT REITs 上市 港股 美股 A股 H股 中概 股票 个股 板块 概念 龙头 行业 市场 主题 证券 银行 券商 保险 信托 期货 金融 上证 深证 中证 沪深 恒生 科创 创业板 红利 价值 成长 创新',
  // places that name a market, not a company
  '中国 美国 香港 日本 韩国 欧洲 亚洲 全球 海外 国内 国外 北美',
  // sectors and everyday nouns of market prose
  '能源 新能源 电力 电气 电子 医药 医疗 生物 化工 化学 材料 建材 钢铁 有色 煤炭 石油 石化 燃气 环保 汽车 机械 设备 装备 军工 通信 传媒 文化 旅游 食品 饮料 农业 地产 房地产 物流 航空 航运 交通 运输 半导体 芯片 软件 信息 网络 互联网 数据 智能 电池 光伏 储能 锂电 稀土 黄金 白酒 消费 社媒 媒体 社交 游戏 零售 电商',
]
  .flatMap((words) => words.split(' '))
  .map((word) => word.toUpperCase())
  .sort((a, b) => b.length - a.length);

/** Prose words that end up glued to the front of a name (`包含江河集团`, `以及中际旭创`). */
const LEADING_PROSE = [
  '包含',
  '包括',
  '以及',
  '其中',
  '例如',
  '比如',
  '通过',
  '对于',
  '关于',
  '由于',
  '随着',
  '旗下',
  '同时',
  '并且',
  '而且',
  '或者',
  '作为',
  '成为',
];
/**
 * Function characters that almost never start a company name (`的安德利`, `与中兴`). A name starting with one is
 * still learned when a master name of that security starts with it too (和而泰, 如意集团).
 */
const LEADING_FUNCTION_CHARS = new Set('的与和及或在对将把被从向于为是由等但而并且其该此这那即据给让了也都又还就再所之至着过跟含');

/** Fewest characters, besides ordinary words, a name must keep to name one company (江山股份 keeps 江山). */
const MIN_DISTINCT_CHARS = 2;
/** Shortest name learned without the master's support: two characters are mostly ordinary words (苏吴, 维谛). */
const MIN_UNSUPPORTED_LENGTH = 3;

const isCjk = (char: string) => char >= '\u4e00' && char <= '\u9fff';
const fold = (name: string) => foldChineseVariants(name).toUpperCase();

/** The name without its ordinary words: `江山股份` → `江山`, `美国能源` → ``. */
export function distinctivePart(name: string): string {
  const folded = fold(name);
  let rest = '';
  for (let i = 0; i < folded.length;) {
    const word = GENERIC_WORDS.find((generic) => folded.startsWith(generic, i));
    if (word) i += word.length;
    else rest += folded.charAt(i++);
  }
  return rest.replace(/[\s\-·.]/g, '');
}

/**
 * Whether a Chinese name agrees with one of the master's: it is a short form of it (its characters in order:
 * 中兴 of 中兴通讯, 工行 of 工商银行) or shares at least half its characters with it (青岛海尔 and 海尔智家).
 */
function agrees(alias: string, name: string): boolean {
  let at = 0;
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit meant: each CJK character is one, and graphemes would merge combining marks into the count
  const inOrder = [...alias].every((char) => (at = name.indexOf(char, at) + 1) > 0);
  if (inOrder) return true;
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit meant: each CJK character is one, and graphemes would merge combining marks into the count
  const shared = [...alias].filter((char) => name.includes(char)).length;
  return shared >= Math.max(2, Math.ceil(alias.length / 2));
}

/** How the code of a pair was written, as far as the gate cares. */
export interface GateOptions {
  /**
   * The code was a bare upper-case word (`（CAGR）`, `（MU）`), not `MU.O` or `NASDAQ:MU`: in Chinese prose that is an
   * abbreviation far more often than a ticker (年复合增长率（CAGR）, 聚碳酸酯（PC）), so the name must agree with a
   * Chinese name the master gives that security.
   */
  bareTicker?: boolean;
}

/**
 * Judges one `名称（代码）` pair a report offers: undefined when the name is a plausible name of that security, else
 * why not. A name the master itself gives the security always passes; otherwise it must keep a distinctive part
 * once ordinary words are taken out, not start with prose, not be the master's name of another security, and agree
 * with the master's Chinese names for the code (when it has any; two-character names and bare tickers need that
 * support).
 */
export function gateRefusal(
  alias: string,
  id: SecurityId,
  reference: NameReference,
  { bareTicker = false }: GateOptions = {},
): GateRefusal | undefined {
  const issuer = new Set(reference.issuerListings(id));
  const masterNames = [...issuer].flatMap((listing) => reference.namesOf(listing)).map(fold);
  const name = fold(alias);
  if (masterNames.includes(name)) return undefined;
  if (reference.idsForName(alias).some((other) => !issuer.has(other))) return 'another-security';
  if (LEADING_PROSE.some((word) => name.startsWith(word))) return 'function-word';
  if (LEADING_FUNCTION_CHARS.has(name[0]!) && !masterNames.some((master) => master.startsWith(name[0]!))) return 'function-word';
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit meant: each CJK character is one, and graphemes would merge combining marks into the count
  if ([...distinctivePart(alias)].filter(isCjk).length < MIN_DISTINCT_CHARS) return 'generic';
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit meant: each CJK character is one, and graphemes would merge combining marks into the count
  const chinese = [...name].filter(isCjk).join('');
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit meant: each CJK character is one, and graphemes would merge combining marks into the count
  const chineseNames = masterNames.filter((master) => [...master].filter(isCjk).length >= 2);
  if (chineseNames.length) return chineseNames.some((master) => agrees(chinese, master)) ? undefined : 'disagrees';
  return bareTicker || chinese.length < MIN_UNSUPPORTED_LENGTH ? 'unsupported' : undefined;
}

/** A {@link NameReference} over a dictionary, leaving out the names `isLearned` says were learned from reports. */
export function referenceOf(
  dictionary: {
    get(id: SecurityId): { names: readonly string[] } | undefined;
    idsForName(name: string): readonly SecurityId[];
    issuerListings(id: SecurityId): readonly SecurityId[];
  },
  isLearned: (alias: string, id: SecurityId) => boolean = () => false,
): NameReference {
  return {
    namesOf: (id) => (dictionary.get(id)?.names ?? []).filter((name) => !isLearned(name, id)),
    idsForName: (name) => dictionary.idsForName(name).filter((id) => !isLearned(name, id)),
    issuerListings: (id) => dictionary.issuerListings(id),
  };
}

/** One name the user said is not one security ("not this security" on the card, or _Block_ in the library). */
export interface NameBlock {
  alias: string;
  securityId: SecurityId;
}

/**
 * The user's blocks: the part of the gate the user sets. A blocked name is never learned for that security and never
 * matched as it, whatever taught it (the master, a list, a report, a backup); spelling variants count as one name
 * (騰訊 is 腾讯, `meta` is `Meta`), as the matcher folds them alike.
 */
export class BlockedNames {
  readonly #keys = new Set<string>();

  constructor(blocks: Iterable<NameBlock> = []) {
    for (const block of blocks) this.add(block);
  }

  static #key = (alias: string, id: SecurityId) => `${fold(alias.trim())}\u0000${id}`;

  /** Blocks one more name. */
  add({ alias, securityId }: NameBlock): void {
    this.#keys.add(BlockedNames.#key(alias, securityId));
  }

  /** Whether `alias` is blocked for `id`. */
  has(alias: string, id: SecurityId): boolean {
    return this.#keys.size > 0 && this.#keys.has(BlockedNames.#key(alias, id));
  }

  get size(): number {
    return this.#keys.size;
  }

  /** The entries with their blocked names taken out (every other field kept as it is). */
  filterEntries<T extends { id: SecurityId; names: string[] }>(entries: Iterable<T>): T[] {
    if (!this.#keys.size) return [...entries];
    return [...entries].map((entry) => {
      const names = entry.names.filter((name) => !this.has(name, entry.id));
      return names.length === entry.names.length ? entry : { ...entry, names };
    });
  }
}
