/** Texts to compare two cuts on: the dev set, windows of it starting anywhere, and the edges of jieba's blocks. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const texts = (file: string): string[] =>
  readFileSync(new URL(`../fixtures/accuracy/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);

/** Texts that reach the edges of jieba's blocks: ASCII runs, its extra symbols, whitespace, astral ideographs, full-width forms, a private-use character. */
export const EDGES = [
  '',
  'abc123中文DEF',
  'A+B#C&D.E_F%G-H 中华-民族',
  '\r\n a\tb\u3000c\u00a0d\ufeffe\u0085f\r\r\n\n',
  '𠀀𠀁中华𪚥民族𫠠𬺰',
  'iPhone12手机和Covid-19疫情',
  'Ｈｅｌｌｏ世界，（一）“五位一体”',
  '3.14159和2.5%的GDP增长',
  '中华人民共和国国务院总理',
  '结婚的和尚未结婚的',
  '中华\ue000民族\ue000\ue000',
];

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The edges, the dev set's texts and windows of them starting anywhere (the checker cuts small
 * windows); a window that cuts a surrogate pair is left out (@node-rs/jieba turns a lone surrogate
 * into U+FFFD).
 */
export function cutTexts(): string[] {
  const out: string[] = [];
  for (const text of [...EDGES, ...texts('positives.jsonl'), ...texts('negatives.jsonl')]) {
    out.push(text);
    for (let i = 0; i < text.length; i += 7) out.push(text.slice(i, i + 13));
  }
  return out.filter((x) => !LONE_SURROGATE.test(x));
}

interface Jieba {
  cut(text: string, hmm: boolean): string[];
}

/** @node-rs/jieba with its whole dictionary loaded at once: the reference cut. */
export function wholeDictionaryJieba(): (text: string) => string[] {
  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(dict: Uint8Array): Jieba } };
  const jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  return (text) => jieba.cut(text, false);
}
