/** Chinese messages: what is wrong and what to write. */
import type { ErrorDetail, RuleId } from '../types.js';

const DETAIL_ZH: Record<ErrorDetail, string> = {
  listed: '已知错误写法',
  substitution: '错字',
  omission: '漏字',
  insertion: '多字',
  duplication: '重复字',
  transposition: '字序颠倒',
  noise: '词中夹有空格或不可见字符',
  lookalike: '含形近码位（如康熙部首、兼容汉字）',
  traditional: '含繁体字',
  fullwidth: '含全角字符',
  title: '职务与姓名不符',
  order: '排序有误',
  pairing: '动宾搭配有误',
  removed: '已被免职或撤职',
};

const quote = (s: string): string => `“${s}”`;
const list = (xs: readonly string[]): string => xs.map(quote).join('或');

export interface MessageInput {
  rule: RuleId;
  detail: ErrorDetail;
  actual: string;
  expected: readonly string[];
  /** Extra explanation for fuzzy findings, e.g. `“明”应为“民”`. */
  edit?: string;
  /** Outdated names: the date the name changed. */
  since?: string;
}

export function messageFor(m: MessageInput): string {
  const actual = quote(m.actual);
  switch (m.rule) {
    case 'wrong-formulation':
      return `${actual}为不规范表述，应为${list(m.expected)}`;
    case 'misspelling': {
      const why = m.edit ? `${DETAIL_ZH[m.detail]}：${m.edit}` : DETAIL_ZH[m.detail];
      return `${actual}疑为${list(m.expected)}的错误写法（${why}），应为${list(m.expected)}`;
    }
    case 'banned-term':
      return m.expected.length > 0 ? `${actual}为禁用或慎用词，应改为${list(m.expected)}` : `${actual}为禁用或慎用词，应删除或改写`;
    case 'outdated-name':
      return `${actual}为旧称${m.since ? `（${m.since.slice(0, 4)}年起已更名或撤并）` : ''}，应为${list(m.expected)}`;
    case 'common-typo':
      return `${actual}为错别字，应为${list(m.expected)}`;
    case 'leader-name':
    case 'leader-title':
    case 'leader-order':
    case 'former-official':
      // built by src/people/stage.ts, which knows the person and the dates
      return m.edit ?? `${actual}：${DETAIL_ZH[m.detail]}${m.expected.length > 0 ? `，应为${list(m.expected)}` : ''}`;
    case 'lookalike-char': {
      const cp = m.actual.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      return `${actual}（U+${cp}）为形近码位（康熙部首、部首补充或兼容汉字），应为${list(m.expected)}`;
    }
  }
}
