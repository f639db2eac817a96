/**
 * Why a non-word is written on purpose: the cases where a string that is no dictionary word, one
 * slip from a frequent word, is nonetheless meant (a name, a coined term). Each guard is
 * a judge rule (src/nonword/rules.ts) with its doc and examples; the benches call them directly.
 * Pure functions of the text and the candidate's span.
 */

/** Characters that end the name of a place, a body or a building (佳乐苑, 六埠村, 西峪). */
const PLACE_SUFFIXES = new Set('村镇乡县区市省州街路巷苑院馆楼峰河湖江岛港湾峪庄屯寺庙桥园坊堡寨沟坝岭谷洞站厂'.split(''));
/** The most common surnames (a two-character name after a list comma is a person: 董静, 范伟). */
const SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    // Less common, still frequent in lists of names (单怡霖, 关欣, 安伟 …).
    '单关庞樊殷施翟颜倪俞葛伍申尤聂柳邢岳梅庄辛祝涂祁舒耿牟詹苗凌费纪靳盛童甄裴席鲍霍翁隋柏柯阮桂闵柴冉廉安'
  ).split(''),
);
/** What follows a person's name in a list or before a verb of speech (董静作了发言, 范伟和). */
const AFTER_NAME = new Set('、，,；和与及等作说表指强介在代 \u3000（('.split(''));
/**
 * What may follow a person's name of three characters when the non-word takes the name's last
 * character with it (任命孙绍骋为…, 大使张汉晖到机场, 王瑞贺作了说明): an appointment, a verb of
 * going or speaking, a list.
 */
const AFTER_FULL_NAME = new Set('、，,；和与及等作说表指强介在代为也到获致任出就率夺是以同受把他 \u3000（('.split(''));
/**
 * Characters that end a word for someone's trade, title or role (讲解员, 农机手, 村民, 校长, 副主任,
 * 副书记, 院士, 主席, 教授, 大使): a surname right after one starts that person's name
 * (农机手俞建义, 村民曾美君, 副主任张素枝, 院士龚旗煌).
 */
const ROLE_ENDS = new Set('员手民长师生工人匠农家者姐哥叔姨任记士席授使官'.split(''));
/**
 * Characters of transliterated foreign names (the usual syllables of Xinhua's transliteration
 * tables: 赫格塞思, 利普齐, 贝坦索斯, 威特科夫). A slip of a common word seldom lands among three of them.
 */
const TRANSLITERATION = new Set(
  '阿埃艾爱安昂连舒奥巴拜班邦贝本比彼毕宾波伯博布查达戴丹德登迪蒂丁东杜敦多厄恩尔法凡菲费芬丰弗夫福盖甘冈戈格贡古果哈海汉豪赫亨洪胡怀霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里利莉丽林琳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密缪莫默姆穆纳娜奈内尼涅纽努诺欧帕潘庞佩彭皮珀普奇齐恰乔切钦琼丘萨塞桑瑟森沙莎尚舍什施斯松苏索塔泰坦汤特滕提图托瓦旺威韦维温翁沃乌伍西希锡谢辛休雅亚扬耶伊因英尤约泽扎詹兹佐茨娅丝妮芙萝'.split(''),
);
const OPENERS = '“《「‘『（(';
const CLOSERS = '”》」’』）)';

/** A guard: evidence that the non-word at [start, end) is meant, or undefined. */
export type NonwordGuard = (text: string, start: number, end: number) => string | undefined;

/**
 * How far (code units, each side) `repeated` looks for the same non-word. Local, not the whole text:
 * a window of a stream or of a pool's range sees at least this much on each side of what it
 * reports (src/stream: LEFT_CONTEXT 1,024 before, RIGHT_MARGIN 2,048 after), so a long text checked
 * in pieces gets the findings of one check.
 */
export const REPEAT_REACH = 1000;

/** The same non-word written twice or more nearby is a term or a name of its own (应灌尽灌 … 应灌尽灌). */
export const repeated: NonwordGuard = (text, start, end) => {
  const s = text.slice(start, end);
  // Searched inside the reach only: on a long text a search back to its start for every neighbour would cost its length each time.
  const from = Math.max(0, start - REPEAT_REACH);
  const to = Math.min(text.length, end + REPEAT_REACH);
  const before = start > from ? text.slice(from, start - 1 + s.length).lastIndexOf(s) : -1;
  if (before >= 0) return `${s} also at ${from + before}`;
  const after = text.slice(start + 1, to).indexOf(s);
  return after >= 0 ? `${s} also at ${start + 1 + after}` : undefined;
};

/** A place, body or building: the next character ends such a name (佳乐苑, 六埠村). */
export const placeName: NonwordGuard = (text, _start, end) => {
  const next = text[end];
  return next !== undefined && PLACE_SUFFIXES.has(next) ? `followed by ${next}` : undefined;
};

/**
 * A person: a surname starts the string (or stands right before it) and a list comma or a verb of
 * speech follows; or the string is a three-character name's last character and the word after it
 * (孙绍骋为, 张汉晖到, 王瑞贺作), or its first two characters before a list comma or a verb (沈加豪、).
 */
export const personName: NonwordGuard = (text, start, end) => {
  const next = text[end];
  if (next !== undefined && AFTER_NAME.has(next)) {
    if (SURNAMES.has(text[start]!)) return `${text.slice(start, end)}${next}: a name`;
    if (end - start === 2 && start > 0 && SURNAMES.has(text[start - 1]!)) return `${text.slice(start - 1, end)}${next}: a name`;
  }
  // 农机手|俞|建义, 村民|曾|美君: a role, a surname, then the string; 副书记|吴汉|圣, 院士|龚旗|煌: a role, then the string from a surname.
  if (end - start === 2 && start >= 2 && SURNAMES.has(text[start - 1]!) && ROLE_ENDS.has(text[start - 2]!)) return `${text.slice(start - 2, end)}: a name after a role`;
  if (start >= 1 && SURNAMES.has(text[start]!) && ROLE_ENDS.has(text[start - 1]!)) return `${text.slice(start - 1, end)}: a name after a role`;
  // 陈|清莉|也: a three-character name before a word that follows names.
  if (next !== undefined && AFTER_FULL_NAME.has(next) && end - start === 2 && start > 0 && SURNAMES.has(text[start - 1]!)) return `${text.slice(start - 1, end)}${next}: a name`;
  if (end - start !== 2) return undefined;
  // 孙绍|骋为: the name is text[start-2 .. start+1), the word after it text[start+1].
  if (start >= 2 && SURNAMES.has(text[start - 2]!) && AFTER_FULL_NAME.has(text[start + 1]!) && isHanAt(text, start - 1)) return `${text.slice(start - 2, start + 1)}: a name before ${text[start + 1]}`;
  // 李|屹为, 曹|毅把: a two-character name, then such a word.
  if (start >= 1 && SURNAMES.has(text[start - 1]!) && AFTER_FULL_NAME.has(text[start + 1]!) && !isHanAt(text, start - 2)) return `${text.slice(start - 1, start + 1)}: a name before ${text[start + 1]}`;
  // 沈加|豪、: the name is text[start .. start+3).
  const after = text[start + 3];
  if (SURNAMES.has(text[start]!) && after !== undefined && AFTER_FULL_NAME.has(after) && isHanAt(text, start + 2)) return `${text.slice(start, start + 3)}${after}: a name`;
  return undefined;
};

const isHanAt = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
};

/** Inside short quotation marks or title marks: a title, a slogan or a coined name (《巅峰食刻》, “翼阵合一”). */
export const quoted: NonwordGuard = (text, start, end) => {
  for (let i = start - 1; i >= 0 && start - i <= 16; i--) {
    const c = text[i]!;
    if (CLOSERS.includes(c) || c === '\n' || c === '。') return undefined;
    if (!OPENERS.includes(c)) continue;
    const close = CLOSERS[OPENERS.indexOf(c)]!;
    for (let j = end; j < text.length && j - i <= 24; j++) {
      if (text[j] === close) return `inside ${c}…${close}`;
      if (text[j] === '\n' || text[j] === '。') break;
    }
    return undefined;
  }
  return undefined;
};

const isDot = (c: string | undefined): boolean => c === '·' || c === '•';
/** How far (code units, each side) `transliterated` reads a run of syllables. */
const TRANSLITERATION_REACH = 4;

/**
 * In a transliterated foreign name: a character of the string is one of a run of three or more
 * transliteration syllables, middle dots included (哈桑·希希, 赫格塞思, 威特科夫). A middle dot nearby
 * is not enough on its own: 跟据约翰斯·霍普金斯 is a slip before a name.
 */
export const transliterated: NonwordGuard = (text, start, end) => {
  for (let i = start; i < end; i++) {
    if (!TRANSLITERATION.has(text[i]!)) continue;
    // Three syllables need at most two more on either side (and a dot or two between): look that far only.
    let a = i;
    while (a > 0 && i - a < TRANSLITERATION_REACH && (TRANSLITERATION.has(text[a - 1]!) || isDot(text[a - 1]))) a--;
    let b = i + 1;
    while (b < text.length && b - i <= TRANSLITERATION_REACH && (TRANSLITERATION.has(text[b]!) || isDot(text[b]))) b++;
    let syllables = 0;
    for (let j = a; j < b; j++) if (!isDot(text[j])) syllables++;
    if (syllables >= 3) return `${text.slice(a, b)}: a transliterated name`;
  }
  return undefined;
};

/**
 * A four-character pattern that repeats a character at a distance of two (优机优补, 首试首用,
 * 应灌尽灌, 一卸一装): the two halves are a coined pair, each character meant.
 */
export const parallel: NonwordGuard = (text, start, end) => {
  if (end - start !== 2) return undefined;
  // Each four-character window that holds the string; each pair at a distance of two in it takes a character of the string.
  for (let w = Math.max(0, start - 2); w <= start && w + 4 <= text.length; w++) {
    if (!isHanAt(text, w) || !isHanAt(text, w + 1) || !isHanAt(text, w + 2) || !isHanAt(text, w + 3)) continue;
    if (text[w] === text[w + 2] || text[w + 1] === text[w + 3]) return `${text.slice(w, w + 4)}: a parallel pattern`;
  }
  return undefined;
};

export const NONWORD_GUARDS: readonly [string, NonwordGuard][] = [
  ['repeated', repeated],
  ['place-name', placeName],
  ['person-name', personName],
  ['quoted', quoted],
  ['transliterated', transliterated],
  ['parallel', parallel],
];
