/**
 * Words that are names of listed securities (or short forms readers use) but mean something else at least as often:
 * kept as data, each group with its reason. A name listed here needs support to count (a code beside it, the page or
 * report being about that security); it is never dropped. Matched as whole names, simplified characters.
 */
export const ORDINARY_NAME_WORDS: Readonly<Record<string, readonly string[]>> = {
  /** Provinces, cities, districts and landmarks: a place named in news is rarely the company that took its name. */
  places: [
    ...'北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门'.split(
      ' ',
    ),
    ...'盐田 北部湾 营口 锦州 黄骅 舟山 湛江 防城 镇江 深圳 广州 杭州 南京 苏州 成都 武汉 西安 厦门 青岛 大连 宁波 无锡 长沙 郑州 济南 合肥 福州 昆明 南宁 哈尔滨 长春 沈阳 石家庄 太原 呼和浩特 包头 银川 西宁 兰州 乌鲁木齐 拉萨 贵阳 海口 三亚 珠海 汕头 佛山 东莞 中山 惠州 烟台 威海 日照 桂林 丽江 黄山 宜宾 泸州 遵义 温州 绍兴 嘉兴 湖州 台州 义乌 常州 南通 扬州 徐州 盐城 唐山 秦皇岛 洛阳 开封 宁德 鄂尔多斯 连云港 张家界 大庆 攀枝花 景德镇 井冈山'.split(
      ' ',
    ),
    ...'中关村 陆家嘴 王府井 徐家汇 外高桥 长白山 白云山 峨眉山 天目湖 会稽山 大西洋 太平洋 天安 长城 华夏 长江 黄河 珠江 浦东 前海 华南城 新天地'.split(
      ' ',
    ),
  ],
  /** Ordinary words and phrases that are also companies' short names: the word is meant far more often than the company. */
  words: [
    ...'平安 民生 美的 理想 光明 人民 太平 创业 中国 科技 兴业 中信 石化 石油 长电 长和 工行 比亚 五粮'.split(' '),
    ...'线上线下 机器人 驱动力 农产品 金融街 太阳能 黑芝麻 万年青 新希望 健康元 动力源 新世界 电子城 步步高 向日葵 创世纪 指南针 数据港 火星人 值得买 新城市 新产业 数字人 生物谷 大酒店 三人行 孩子王 老百姓 好想你 好当家 家家悦 两面针 三棵树 百合花 金太阳 新经典 大智慧 子不语 汽车街 新焦点 自然美 修身堂 寒武纪 一心堂 新里程 探路者 漫步者 金龙鱼 万物云 九毛九 周六福 夜光明 红四方 新相微 日月明 西大门 贝斯特 好太太 好上好 有赞 贪玩 粉笔 保诚 盛业 联众 天福 永旺 移卡 锅圈 智谱 古茗 卡宾 越疆'.split(
      ' ',
    ),
  ],
};

/**
 * Phrases that hold a security's name but are not it (an idiom, a compound word): matched like names and yielding
 * nothing, so the name inside is not read (`海纳百川` holds 纳百川, `高通胀` holds 高通, `平安夜` holds 平安).
 */
export const NOT_NAMES: readonly string[] = [
  ...'海纳百川 高通胀 高通量 平安是福 平安夜 平安无事 出入平安 岁岁平安 国计民生 民生问题 改善民生 保障民生 美的事物 美的东西 理想状态 理想信念 长和短 增长和 成长和 光明正大 前途光明'.split(
    ' ',
  ),
];
