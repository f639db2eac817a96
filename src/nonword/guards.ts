/**
 * Why a non-word is written on purpose: the cases where a string that is no dictionary word, one
 * slip from a frequent word, is nonetheless meant (a name, a coined term). Each guard is
 * a judge rule (src/nonword/rules.ts) with its doc and examples; the benches call them directly.
 * Pure functions of the text and the candidate's span.
 */

/** Characters that end the name of a place, a body or a building (佳乐苑, 六埠村, 西峪). */
const PLACE_SUFFIXES = new Set('村镇乡县区市省州街路巷苑院馆楼峰河湖江岛港湾峪庄屯寺庙桥园坊堡寨沟坝岭谷洞站厂'.split(''));
/** The most common surnames (a two-character name after a list comma is a person: 董静, 范伟). */
const SURNAMES = new Set('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(''));
/** What follows a person's name in a list or before a verb of speech (董静作了发言, 范伟和). */
const AFTER_NAME = new Set('、，,；和与及等作说表指强介在代'.split(''));
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
  const from = Math.max(0, start - REPEAT_REACH);
  const to = Math.min(text.length, end + REPEAT_REACH);
  const before = start > 0 ? text.lastIndexOf(s, start - 1) : -1;
  const after = text.indexOf(s, start + 1);
  const other = before >= from ? before : after >= 0 && after + s.length <= to ? after : -1;
  return other >= 0 ? `${s} also at ${other}` : undefined;
};

/** A place, body or building: the next character ends such a name (佳乐苑, 六埠村). */
export const placeName: NonwordGuard = (text, _start, end) => {
  const next = text[end];
  return next !== undefined && PLACE_SUFFIXES.has(next) ? `followed by ${next}` : undefined;
};

/** A person: a surname starts the string (or stands right before it) and a list comma or a verb of speech follows. */
export const personName: NonwordGuard = (text, start, end) => {
  const next = text[end];
  if (next === undefined || !AFTER_NAME.has(next)) return undefined;
  if (SURNAMES.has(text[start]!)) return `${text.slice(start, end)}${next}: a name`;
  if (end - start === 2 && start > 0 && SURNAMES.has(text[start - 1]!)) return `${text.slice(start - 1, end)}${next}: a name`;
  return undefined;
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

/** In a transliterated foreign name: a middle dot in the clause (哈桑·艾哈迈德·希希). */
export const transliterated: NonwordGuard = (text, start, end) => {
  for (let i = Math.max(0, start - 8); i < Math.min(text.length, end + 8); i++) if (text[i] === '·' || text[i] === '•') return 'a middle dot nearby';
  return undefined;
};

export const NONWORD_GUARDS: readonly [string, NonwordGuard][] = [
  ['repeated', repeated],
  ['place-name', placeName],
  ['person-name', personName],
  ['quoted', quoted],
  ['transliterated', transliterated],
];
