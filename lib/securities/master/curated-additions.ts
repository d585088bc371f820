import type { SecurityEntry } from '../bundled-securities';
import type { SecurityId } from '../security-id';

/**
 * Our names beyond the bundled list, merged into the master with it (the curated layer): Chinese names of US and
 * Hong Kong companies, the short forms readers write (顺丰, 高通, 中兴), English names as written in prose, and
 * former names that old headlines still use. `weak` names need support (see ordinary-words.ts for why a name is weak).
 */
export const CURATED_ADDITIONS: readonly SecurityEntry[] = [
  // ——— Chinese names of US companies ———
  { id: 'US:BAC', names: ['美国银行', '美國銀行', '美银', 'BofA'] },
  { id: 'US:WFC', names: ['富国银行', 'Wells Fargo'] },
  { id: 'US:C', names: ['花旗集团', '花旗银行', 'Citigroup'] },
  { id: 'US:GS', names: ['高盛', '高盛集团', 'Goldman Sachs'] },
  { id: 'US:MS', names: ['摩根士丹利', '大摩', 'Morgan Stanley'] },
  { id: 'US:BRK.B', names: ['伯克希尔哈撒韦', '伯克希尔', 'Berkshire Hathaway'], issuer: 'berkshire' },
  { id: 'US:BRK.A', names: ['Berkshire Hathaway Class A'], issuer: 'berkshire' },
  { id: 'US:INTC', names: ['英特尔', 'Intel'] },
  { id: 'US:AMD', names: ['超威半导体', 'Advanced Micro Devices'] },
  { id: 'US:ORCL', names: ['甲骨文', 'Oracle Corporation'] },
  { id: 'US:NFLX', names: ['奈飞', '网飞', 'Netflix'] },
  { id: 'US:SBUX', names: ['星巴克', 'Starbucks'] },
  { id: 'US:PFE', names: ['辉瑞', 'Pfizer'] },
  { id: 'US:JNJ', names: ['强生公司', 'Johnson & Johnson'] },
  { id: 'US:MRK', names: ['默沙东', 'Merck & Co'] },
  { id: 'US:LLY', names: ['礼来', 'Eli Lilly'] },
  { id: 'US:UNH', names: ['联合健康', 'UnitedHealth'] },
  { id: 'US:V', names: ['维萨', 'Visa Inc'] },
  { id: 'US:MA', names: ['万事达', 'Mastercard'] },
  { id: 'US:MU', names: ['美光科技', '美光', 'Micron Technology', 'Micron'] },
  { id: 'US:AVGO', names: ['博通', 'Broadcom'] },
  { id: 'US:CSCO', names: ['思科', 'Cisco', 'Cisco Systems'] },
  { id: 'US:IBM', names: ['国际商业机器', 'IBM'] },
  { id: 'US:GM', names: ['通用汽车', 'General Motors'] },
  { id: 'US:F', names: ['福特汽车', 'Ford', 'Ford Motor'] },
  { id: 'US:COST', names: ['好市多', '开市客', 'Costco'] },
  { id: 'US:PEP', names: ['百事公司', 'PepsiCo'] },
  { id: 'US:UBER', names: ['优步', 'Uber'] },
  { id: 'US:ABNB', names: ['爱彼迎', 'Airbnb'] },
  { id: 'US:PYPL', names: ['贝宝', 'PayPal'] },
  { id: 'US:CRM', names: ['赛富时', 'Salesforce'] },
  { id: 'US:ASML', names: ['阿斯麦', 'ASML'] },
  { id: 'US:AMAT', names: ['应用材料', 'Applied Materials'] },
  { id: 'US:TXN', names: ['德州仪器', 'Texas Instruments'] },
  { id: 'US:AXP', names: ['美国运通', 'American Express'] },
  { id: 'US:HON', names: ['霍尼韦尔', 'Honeywell'] },
  { id: 'US:SONY', names: ['索尼', 'Sony'] },
  { id: 'US:TM', names: ['丰田汽车', 'Toyota'] },
  { id: 'US:NVO', names: ['诺和诺德', 'Novo Nordisk'] },
  { id: 'US:AZN', names: ['阿斯利康', 'AstraZeneca'] },
  { id: 'US:QCOM', names: ['高通'] },
  { id: 'US:TROW', names: ['T. Rowe Price', '普信集团'] },
  { id: 'US:ATVI', names: ['Activision Blizzard', '动视暴雪'] },
  { id: 'US:NOK', names: ['Nokia', '诺基亚'] },
  { id: 'US:AAL', names: ['American Airlines', '美国航空'] },
  { id: 'US:DAL', names: ['达美航空', 'Delta Air Lines'] },
  { id: 'US:NTNX', names: ['Nutanix'] },
  { id: 'US:NDAQ', names: ['纳斯达克公司', 'Nasdaq Inc'] },
  // Names Chinese markets news gives AI-infrastructure, metals and defence companies (wt-tabdict, issue 11). A name
  // that is also a place, a phrase or a word stays weak: 自由港 (海南自由港, a free port), 康宁 (well-being), 黑石 (a black
  // stone), 雷神 (Thor), 伊顿 (Eton).
  { id: 'US:VRT', names: ['维谛技术', '维谛'] },
  { id: 'US:FCX', names: ['自由港麦克莫兰', '自由港迈克墨伦', '自由港'], weak: ['自由港'] },
  { id: 'US:ETN', names: ['伊顿公司', '伊顿'], weak: ['伊顿'] },
  { id: 'US:DELL', names: ['戴尔'] },
  { id: 'US:MRVL', names: ['美满电子', '迈威尔'] },
  { id: 'US:GLW', names: ['康宁公司', '康宁'], weak: ['康宁'] },
  { id: 'US:APH', names: ['安费诺'] },
  { id: 'US:CEG', names: ['星座能源'] },
  { id: 'US:NEM', names: ['纽蒙特矿业', '纽蒙特'] },
  { id: 'US:SCCO', names: ['南方铜业'] },
  { id: 'US:AA', names: ['美国铝业', '美铝'] },
  { id: 'US:BHP', names: ['必和必拓'] },
  { id: 'US:RIO', names: ['力拓集团', '力拓'] },
  { id: 'US:VALE', names: ['淡水河谷'] },
  { id: 'US:BX', names: ['黑石集团', '黑石'], weak: ['黑石'] },
  { id: 'US:WDC', names: ['西部数据'] },
  { id: 'US:STX', names: ['希捷科技', '希捷'] },
  { id: 'US:SNDK', names: ['闪迪'] },
  { id: 'US:BMY', names: ['百时美施贵宝'] },
  { id: 'US:PLTR', names: ['帕兰提尔'] },
  { id: 'US:COP', names: ['康菲石油'] },
  { id: 'US:OXY', names: ['西方石油'] },
  { id: 'US:FSLR', names: ['第一太阳能'] },
  { id: 'US:MCHP', names: ['微芯科技'] },
  { id: 'US:RTX', names: ['雷神技术', '雷神'], weak: ['雷神'] },
  { id: 'US:NOC', names: ['诺斯罗普·格鲁曼', '诺斯罗普格鲁曼'] },
  { id: 'US:GD', names: ['通用动力'] },

  // ——— Short forms readers write for mainland and Hong Kong companies ———
  { id: 'SZ:002352', names: ['顺丰'] },
  { id: 'SZ:000063', names: ['中兴'] },
  { id: 'HK:00763', names: ['中兴通讯', '中興通訊', '中兴'] },
  { id: 'SZ:000333', names: ['美的'], weak: ['美的'] },

  // ——— Former names still found in older text (today's listing keeps them) ———
  { id: 'SH:600188', names: ['兖州煤业'] },
  { id: 'HK:01171', names: ['兖州煤业股份', '兖州煤业'] },
  { id: 'SZ:000100', names: ['TCL集团'] },
  { id: 'SH:600737', names: ['中粮屯河'] },
  { id: 'SZ:002024', names: ['苏宁云商'] },
  { id: 'SH:601766', names: ['中国南车', '中国北车'] },
  { id: 'US:META', names: ['Facebook Inc'] },
  { id: 'US:SNAP', names: ['Snapchat', 'Snap Inc'] },
];

/** Tickers that changed: the old one still appears in older text and means today's listing. */
export const RENAMED_TICKERS: ReadonlyArray<[from: SecurityId, to: SecurityId]> = [
  ['US:FB', 'US:META'],
  ['US:SNE', 'US:SONY'],
  ['US:ANTM', 'US:ELV'],
  ['US:FISV', 'US:FI'],
  ['US:RTN', 'US:RTX'],
  ['US:UTX', 'US:RTX'],
  ['US:ABC', 'US:COR'],
  ['US:PKI', 'US:RVTY'],
  ['US:FLT', 'US:CPAY'],
  ['US:SQ', 'US:XYZ'],
];

/** Tickers of companies gone private or acquired: in older text they name no listing today, so they link nothing. */
export const DELISTED_TICKERS: readonly SecurityId[] = ['US:TWTR', 'US:SIVB', 'US:FRC', 'US:CS'];
