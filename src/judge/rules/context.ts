/**
 * Rules that read what the text says around a candidate instead of a blanket list: a wrong form
 * quoted in a correction (“中华明族”应为“中华民族”), and a sibling wording that names another level
 * of the same thing (加快建设农业强省 beside the phrase 加快建设农业强国).
 */
import type { JudgeRule } from '../rule.js';

const OPEN_QUOTES = '“「『‘"';
const CLOSE_QUOTES = '”」』’"';
const SENTENCE_END = /[。！？；!?;\n\r]/;
/** How far a quotation may reach around the candidate. */
const QUOTE_REACH = 30;

/** The quotation marks around [start, end): [index of the opening mark, index of the closing mark], or undefined. */
export function quotationAround(text: string, start: number, end: number): [number, number] | undefined {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - QUOTE_REACH); i--) {
    const c = text[i]!;
    if (CLOSE_QUOTES.includes(c) && !OPEN_QUOTES.includes(c)) return undefined;
    if (SENTENCE_END.test(c)) return undefined;
    if (OPEN_QUOTES.includes(c)) {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  const pair = CLOSE_QUOTES[OPEN_QUOTES.indexOf(text[open]!)]!;
  for (let i = end; i < Math.min(text.length, end + QUOTE_REACH); i++) {
    const c = text[i]!;
    if (c === pair) return [open, i];
    if (SENTENCE_END.test(c) || (OPEN_QUOTES.includes(c) && c !== pair)) return undefined;
  }
  return undefined;
}

/** After the quoted wrong form: the correction (应为, 改为, 已更正为 …). */
const CORRECTION_AFTER = /^\s*(?:已经?|均|须|需|请|一律)?(?:应为|应是|应作|应当为|应改为|应更正为|应写为|应写作|改为|更正为|更改为|误写为|误写成|系误写|为误写|是错误的|属错误|的正确写法)/;
/** Before the quoted wrong form: what it was miswritten as (将“中华民族”误写为 …). */
const CORRECTION_BEFORE = /(?:误写为|误写成|错写为|错写成|误作|误为|错写|写错为|误用为|误用|写成了?|错打成|打成了?)\s*$/;

/** The correction word around the quotation of [start, end), if the quotation is one of a correction. */
export function quotedCorrection(text: string, start: number, end: number): string | undefined {
  const q = quotationAround(text, start, end);
  if (!q) return undefined;
  const after = CORRECTION_AFTER.exec(text.slice(q[1] + 1, q[1] + 12));
  if (after) return after[0].trim();
  const before = CORRECTION_BEFORE.exec(text.slice(Math.max(0, q[0] - 8), q[0]));
  return before ? before[0].trim() : undefined;
}

/**
 * Characters that name a level of the same thing: the country, a province, a city, a county, a
 * district, a prefecture, a township, a village, and the units that take the same words (a school,
 * an enterprise: 人才强校, 全校). 强国/强省, 全国/全省 are siblings, not slips.
 */
const LEVELS = new Set([...'国省市县区州乡镇村旗盟校企']);

/**
 * Whether the fuzzy candidate differs from its phrase only where the text names a sibling level:
 * the phrase's level character replaced by another (建设体育强省 for …强国), or left off at the edge
 * right before or after another (加快建设农业强|省 for 加快建设农业强国).
 */
export function siblingLevel(text: string, start: number, end: number, detail: string, editPos: number | undefined, editChar: number | undefined, edits: number | undefined): string | undefined {
  if (editChar === undefined || editPos === undefined || (edits ?? 1) !== 1) return undefined;
  const phraseChar = String.fromCharCode(editChar);
  if (!LEVELS.has(phraseChar)) return undefined;
  let written: string | undefined;
  if (detail === 'substitution') written = text[editPos];
  else if (detail === 'omission' && editPos >= end) written = text[end];
  else if (detail === 'omission' && editPos <= start) written = text[start - 1];
  return written !== undefined && written !== phraseChar && LEVELS.has(written) ? `${written} for ${phraseChar}: a sibling level` : undefined;
}

export const CONTEXT_RULES: readonly JudgeRule[] = [
  {
    id: 'quoted-correction',
    appliesTo: {},
    needs: 'nothing',
    doc: 'A wrong form in quotation marks followed by 应为, 改为, 更正为 or 误写为, or after 将 … 误写为, is a quotation of a correction (通报指出，“中华明族”应为“中华民族”), not an error of the page.',
    examples: [{ quiet: '通报指出，“中华明族”应为“中华民族”。', found: '通报指出，中华明族应当团结奋斗。' }],
    decide: (v) => {
      const word = quotedCorrection(v.text, v.start, v.end);
      return word && `quoted before ${word}`;
    },
  },
  {
    id: 'sibling-level',
    appliesTo: { fuzzy: ['substitution', 'omission'] },
    needs: 'nothing',
    doc: 'A fuzzy candidate that differs from its phrase only where the text names a sibling level (…强省 beside …强国, 省/市/县/区 for 国, 全省 for 全国) is the sibling wording, not a misspelling.',
    examples: [{ quiet: '加快建设教育强省', found: '加快建设教育强过' }],
    decide: (v) => {
      const c = v.draft.fuzzy?.candidate;
      return c && siblingLevel(v.text, v.start, v.end, c.detail, c.editPos, c.editChar, c.edits);
    },
  },
];
