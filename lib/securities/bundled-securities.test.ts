import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SHARED_AVAILABLE, SHARED_MISSING_REASON, sharedPath } from '../../test/support/shared-corpus';
import { BUNDLED_SECURITIES, type SecurityEntry } from './bundled-securities';
import { codeOf, isSecurityId, marketOf, usId, type SecurityId } from './security-id';

const CJK = /[\u3400-\u9fff]/;
const hasCjk = (name: string) => CJK.test(name);

/** Traditional → simplified, character by character: only the characters our names and the corpus need. */
const TRADITIONAL_PAIRS =
  '騰腾訊讯團团東东華华潤润來来鵬鹏車车產产發发龍龙匯汇滙汇豐丰險险壽寿礦矿業业藥药製制聯联學学體体寧宁撈捞瑪玛' +
  '時时達达實实鐵铁電电場场亞亚馬马遜逊輝辉積积軟软義义長长萬万娛娱樂乐濟济閱阅湯汤嗶哔雲云倉仓順顺陽阳貝贝殼壳' +
  '號号領领鴻鸿銀银設设農农國国際际網网攜携創创視视會会廣广環环經经紅红醫医療疗門门陸陆島岛崑昆崙仑奧奥氣气齊齐' +
  '鋰锂鉬钼鋁铝銅铜鋒锋贛赣兗兖動动濰潍機机橋桥運运遠远證证儲储郵邮財财誠诚眾众復复萊莱凱凯榮荣師师勝胜興兴' +
  '億亿鋼钢飛飞廈厦園园書书風风臺台灣湾貨货購购買买賣卖貿贸資资數数據据計计開开關关滬沪綠绿務务傳传爾尔愛爱' +
  '禮礼標标準准養养飲饮館馆釀酿鹽盐寶宝鋪铺蘭兰顯显聲声邊边處处習习試试驗验檢检熱热燈灯後后隨随雙双單单總总' +
  '離离圓圆歸归戰战鈷钴鎳镍恆恒團团塊块擁拥蓋盖樓楼層层協协這这說说區区廠厂對对應应線线絲丝蘇苏衛卫問问間间' +
  '嶺岭態态點点擇择選选軍军艦舰錦锦圖图畫画頭头條条盤盘魚鱼鮮鲜級级約约紀纪綜综藝艺術术莊庄夢梦壓压鏡镜輪轮' +
  '黃黄導导鍵键嬰婴飯饭鐘钟錶表獅狮腦脑響响練练煉炼燒烧爐炉稅税縣县鄉乡庫库賽赛麥麦當当勞劳歐欧鳳凤謝谢頓顿優优僑侨' +
  '極极鏈链絡络劃划鑽钻舊旧倫伦紡纺織织額额顧顾頁页盧卢劉刘張张陳陈楊杨趙赵錫锡鄭郑蔣蒋韓韩馮冯鄧邓羅罗聖圣';
const TRADITIONAL_TO_SIMPLIFIED = new Map<string, string>();
for (let i = 0; i < TRADITIONAL_PAIRS.length; i += 2) {
  TRADITIONAL_TO_SIMPLIFIED.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);
}
const toSimplified = (text: string) =>
  Array.from(text)
    .map((ch) => TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch)
    .join('');
const hasTraditional = (text: string) => Array.from(text).some((ch) => TRADITIONAL_TO_SIMPLIFIED.has(ch));

/**
 * A name as compared with the corpus: full/half width folded (NFKC), case and spaces ignored, traditional characters
 * simplified, and the exchange's status suffixes (`-W`, `-SW`, `-S`, `-U`, `-WD`, `-UW`) dropped.
 */
function normaliseName(name: string): string {
  return toSimplified(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/-(?:sw|s|w|u|wd|uw|ws)$/, '');
}

const isEtfCode = (id: SecurityId) => {
  const market = marketOf(id);
  return (market === 'SH' && codeOf(id).startsWith('5')) || (market === 'SZ' && codeOf(id).startsWith('1'));
};

const show = (entry: SecurityEntry) => `${entry.id} [${entry.names.join(', ')}]`;

describe('BUNDLED_SECURITIES', () => {
  test('every id is canonical', () => {
    expect(BUNDLED_SECURITIES.filter((entry) => !isSecurityId(entry.id)).map(show)).toEqual([]);
  });

  test('no id appears twice', () => {
    const seen = new Set<string>();
    const twice = BUNDLED_SECURITIES.filter((entry) => seen.size === seen.add(entry.id).size).map((entry) => entry.id);
    expect(twice).toEqual([]);
  });

  test('every entry has a name, and no name is blank, padded, repeated or shorter than two characters', () => {
    const bad = BUNDLED_SECURITIES.filter(
      (entry) =>
        entry.names.length === 0 ||
        new Set(entry.names).size !== entry.names.length ||
        entry.names.some((name) => name.trim() !== name || Array.from(name).length < 2),
    );
    expect(bad.map(show)).toEqual([]);
  });

  test('no name is a bare ticker or code', () => {
    const codes = new Set(BUNDLED_SECURITIES.map((entry) => codeOf(entry.id)));
    const bare = BUNDLED_SECURITIES.flatMap((entry) =>
      entry.names
        .filter((name) => /^\d+$/.test(name) || codes.has(name) || codes.has(name.replace(/[-/]/, '.')))
        .map((name) => `${entry.id}: ${name}`),
    );
    expect(bare).toEqual([]);
  });

  test('every issuer groups at least two listings', () => {
    const listings = new Map<string, SecurityId[]>();
    for (const entry of BUNDLED_SECURITIES) {
      if (entry.issuer) listings.set(entry.issuer, [...(listings.get(entry.issuer) ?? []), entry.id]);
    }
    expect([...listings].filter(([, ids]) => ids.length < 2)).toEqual([]);
  });

  test('a name shared by several listings belongs to one issuer', () => {
    const owners = new Map<string, Set<string>>();
    for (const entry of BUNDLED_SECURITIES) {
      for (const name of entry.names) {
        owners.set(name, (owners.get(name) ?? new Set()).add(entry.issuer ?? entry.id));
      }
    }
    expect([...owners].filter(([, issuers]) => issuers.size > 1).map(([name, issuers]) => [name, [...issuers]])).toEqual([]);
  });

  test('the display names the product was designed with stay first', () => {
    const byId = new Map(BUNDLED_SECURITIES.map((entry) => [entry.id, entry]));
    expect((['HK:09988', 'US:AMZN', 'US:GOOGL', 'SH:600519', 'HK:00700'] as const).map((id) => byId.get(id)?.names[0])).toEqual([
      '阿里巴巴-W',
      'Amazon',
      'Alphabet',
      '贵州茅台',
      '腾讯控股',
    ]);
  });

  test.each([
    ['US:BABA', 'HK:09988'],
    ['US:JD', 'HK:09618'],
    ['US:BIDU', 'HK:09888'],
    ['US:NTES', 'HK:09999'],
    ['US:TCOM', 'HK:09961'],
    ['US:BILI', 'HK:09626'],
    ['US:NIO', 'HK:09866'],
    ['US:LI', 'HK:02015'],
    ['SZ:002594', 'HK:01211'],
    ['SH:601318', 'HK:02318'],
    ['SH:600036', 'HK:03968'],
    ['SZ:300750', 'HK:03750'],
    ['SZ:000333', 'HK:00300'],
    ['SH:688981', 'HK:00981'],
    ['SH:601398', 'HK:01398'],
    ['US:GOOGL', 'US:GOOG'],
    ['US:BRK.A', 'US:BRK.B'],
  ] as const)('%s and %s are one issuer', (a, b) => {
    const issuerOf = (id: SecurityId) => BUNDLED_SECURITIES.find((entry) => entry.id === id)?.issuer;
    expect(issuerOf(a)).toBeDefined();
    expect(issuerOf(a)).toBe(issuerOf(b));
  });

  test('traditional names of Hong Kong listings are the traditional form of one of their simplified names', () => {
    const orphans = BUNDLED_SECURITIES.filter((entry) => marketOf(entry.id) === 'HK').flatMap((entry) =>
      entry.names
        .filter((name) => hasTraditional(name) && !entry.names.includes(toSimplified(name)))
        .map((name) => `${entry.id}: ${name} → ${toSimplified(name)}`),
    );
    expect(orphans).toEqual([]);
  });

  /** Ordinary prose with the common words that make bad names (`增长和` holds `长和`, `高通胀` holds `高通` …). */
  const ORDINARY_TEXT = [
    '公司收入增长和利润率均有改善，其中免费用户占比下降，其中信息披露更加充分。',
    '高通胀环境下，央行加强生态保护，确保诚信经营，为投资者创造美好未来。',
    '他联想到平安进入市场的时机，把民生理念发扬光大，理想与现实之间。',
    '吉利的日子里，长城脚下阳光明媚，华夏大地一片生机，长安街上车来车往。',
    '伊利诺伊州的农民在海天一色的海边捡贝壳，随手发微博分享，友邦人士点赞。',
    '美的事物总让人向往；新希望与好未来；上海复旦大学和白云山风景区。',
    '海思科（制药）与北海康成公布数据；标普全球制造业PMI回落。',
    'A vertex of the graph, the cadence of workday meetings, a caterpillar on a leaf, an oracle and a visa.',
    'Target, Block, Match and Gap are ordinary words; Arm yourself, Ford the river, Snowflake and Strategy.',
  ];

  test('no name occurs in ordinary prose', () => {
    const hits = BUNDLED_SECURITIES.flatMap((entry) =>
      entry.names
        .filter((name) =>
          ORDINARY_TEXT.some((text) =>
            hasCjk(name)
              ? text.includes(name)
              : new RegExp(`(?<![A-Za-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`).test(text),
          ),
        )
        .map((name) => `${entry.id}: ${name}`),
    );
    expect(hits).toEqual([]);
  });
});

/** The shared corpus, read once: public security lists nobody here wrote, used only to check our own list. */
function loadCorpus() {
  const securities = (...parts: string[]) => sharedPath('corpus', 'securities', ...parts);
  const read = (path: string) => readFileSync(path, 'utf8');

  /** stocks.index.json rows: `[ts_code, code, name, pinyin, initials, aliases[], market, type, active, weight]`. */
  type IndexRow = [string, string, string, string, string, string[], string, string, boolean, number];
  const rows = JSON.parse(read(securities('stocks_index_daily_stock_analysis', 'stocks.index.json'))) as IndexRow[];
  const indexNames = new Map<SecurityId, string[]>();
  const addName = (map: Map<SecurityId, string[]>, id: SecurityId | undefined, name: string) => {
    if (id) map.set(id, [...(map.get(id) ?? []), name]);
  };
  for (const [tsCode, code, name, , , aliases, market] of rows) {
    const suffix = tsCode.split('.').pop();
    let id: SecurityId | undefined;
    if (market === 'HK') id = `HK:${code.padStart(5, '0')}`;
    else if (market === 'US') id = usId(code);
    else if (suffix === 'SH' || suffix === 'SZ' || suffix === 'BJ') id = `${suffix}:${code}`;
    for (const each of [name, ...aliases]) addName(indexNames, id, each);
  }

  /** eastmoney fund list: `var r = [["000001","HXCZHH","华夏成长混合","混合型","HUAXIA…"], …];`. */
  const fundText = read(securities('cn_funds_eastmoney_fundcode_search', 'fundcode_search.js'));
  const fundRows = JSON.parse(/var r = (\[[\s\S]*?\]\]);/.exec(fundText)![1]!) as string[][];
  const fundNames = new Map(fundRows.map((row) => [row[0]!, row[2]!]));

  /** HKEX list of securities: `Stock Code,Name of Securities,Category,…`, codes five digits. */
  const hkexNames = new Map<SecurityId, string>();
  for (const line of read(securities('hkex_list_of_securities', 'ListOfSecurities_sheet1.csv')).split(/\r?\n/)) {
    const match = /^(\d{5}),("(?:[^"]|"")*"|[^,]*),/.exec(line);
    if (match) hkexNames.set(`HK:${match[1]}`, match[2]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  }

  /** NASDAQ Trader symbol directory, pipe-separated with an ETF flag; then the rreichel3 exchange dumps. */
  const usNames = new Map<SecurityId, string[]>();
  const usEtf = new Map<SecurityId, boolean>();
  for (const file of ['nasdaqlisted.txt', 'otherlisted.txt']) {
    const [header, ...lines] = read(securities('us_nasdaqtrader_symboldir_hemza83', file)).split(/\r?\n/);
    const columns = header!.split('|');
    const symbolAt = columns.findIndex((column) => /symbol/i.test(column));
    const nameAt = columns.indexOf('Security Name');
    const etfAt = columns.indexOf('ETF');
    for (const line of lines) {
      const cells = line.split('|');
      const id = usId(cells[symbolAt] ?? '');
      if (!id || cells.length < columns.length) continue;
      addName(usNames, id, cells[nameAt]!);
      usEtf.set(id, cells[etfAt] === 'Y');
    }
  }
  for (const exchange of ['nasdaq', 'nyse', 'amex']) {
    const path = securities('us_rreichel3_US-Stock-Symbols', exchange, `${exchange}_full_tickers.json`);
    if (!existsSync(path)) continue;
    for (const { symbol, name } of JSON.parse(read(path)) as { symbol: string; name: string }[]) {
      addName(usNames, usId(symbol), name);
    }
  }
  for (const [id, names] of indexNames) if (marketOf(id) === 'US') for (const name of names) addName(usNames, id, name);

  return { indexNames, fundNames, hkexNames, usNames, usEtf };
}

describe.skipIf(!SHARED_AVAILABLE)('BUNDLED_SECURITIES against the shared security lists', () => {
  if (!SHARED_AVAILABLE) console.info(SHARED_MISSING_REASON);
  const corpus = SHARED_AVAILABLE ? loadCorpus() : undefined;
  const byMarket = (...markets: string[]) => BUNDLED_SECURITIES.filter((entry) => markets.includes(marketOf(entry.id)));

  test('every A-share exists and one of its names is the listed short name', () => {
    const { indexNames } = corpus!;
    const wrong = byMarket('SH', 'SZ', 'BJ')
      .filter((entry) => !isEtfCode(entry.id))
      .flatMap((entry) => {
        const listed = indexNames.get(entry.id);
        if (!listed) return [`${show(entry)}: no such code`];
        const known = new Set(listed.map(normaliseName));
        return entry.names.some((name) => known.has(normaliseName(name))) ? [] : [`${show(entry)}: listed as ${listed.join(' / ')}`];
      });
    expect(wrong).toEqual([]);
  });

  test('every mainland ETF exists in the fund list and one of its names is the fund name or part of it', () => {
    const { fundNames } = corpus!;
    const wrong = byMarket('SH', 'SZ')
      .filter((entry) => isEtfCode(entry.id))
      .flatMap((entry) => {
        const fund = fundNames.get(codeOf(entry.id));
        if (!fund) return [`${show(entry)}: no such fund`];
        const listed = normaliseName(fund).replace(/[()]/g, '');
        return entry.names.some((name) => listed.includes(normaliseName(name).replace(/[()]/g, '')))
          ? []
          : [`${show(entry)}: listed as ${fund}`];
      });
    expect(wrong).toEqual([]);
  });

  test('every Hong Kong listing exists, and where the Chinese list has it, one of its names is the short name', () => {
    const { indexNames, hkexNames } = corpus!;
    const wrong = byMarket('HK').flatMap((entry) => {
      const listed = indexNames.get(entry.id);
      if (!listed) return hkexNames.has(entry.id) ? [] : [`${show(entry)}: no such code`];
      const known = new Set(listed.map(normaliseName));
      return entry.names.some((name) => known.has(normaliseName(name))) ? [] : [`${show(entry)}: listed as ${listed.join(' / ')}`];
    });
    expect(wrong).toEqual([]);
  });

  test('every US ticker exists, and the first word of one English name appears in its listed name', () => {
    const { usNames } = corpus!;
    /** Letters and digits only, so `JPMorgan` meets `JP Morgan` and `Alphabet Inc.` meets `ALPHABET INC`. */
    const squash = (text: string) =>
      text
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, '');
    /** The first word, or the first words up to three letters when it is shorter (`H World Group` → `hworld`). */
    const lead = (name: string) => {
      let word = '';
      for (const part of name.split(/\s+/)) if (word.length < 3) word += squash(part);
      return word;
    };
    const wrong = byMarket('US').flatMap((entry) => {
      const listed = usNames.get(entry.id);
      if (!listed) return [`${show(entry)}: no such ticker`];
      const haystack = listed.map(squash);
      const leads = entry.names.filter((name) => !hasCjk(name)).map(lead);
      return leads.some((word) => word.length >= 2 && haystack.some((each) => each.includes(word)))
        ? []
        : [`${show(entry)}: listed as ${listed[0]}`];
    });
    expect(wrong).toEqual([]);
  });

  test('US funds are flagged as ETFs by the NASDAQ Trader directory, and companies are not', () => {
    const { usEtf } = corpus!;
    const looksLikeFund = (entry: SecurityEntry) => entry.names.some((name) => /\b(?:ETF|Fund|Trust|Shares|ProShares)\b/.test(name));
    const wrong = byMarket('US')
      .filter((entry) => usEtf.has(entry.id) && usEtf.get(entry.id) !== looksLikeFund(entry))
      .map((entry) => `${show(entry)}: ETF flag ${usEtf.get(entry.id) ? 'Y' : 'N'}`);
    expect(wrong).toEqual([]);
  });
});
