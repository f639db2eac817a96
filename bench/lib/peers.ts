/**
 * Adapters for the npm Aho-Corasick peers: each builds from the phrase list and counts the matches
 * it reports in one text. `expect` says which reference count the engine must reproduce (and why),
 * so a fast wrong engine fails the bench loudly.
 */
import { createRequire } from 'node:module';
import { AhoCorasick as MonyoneFast } from '@monyone/aho-corasick/fast';
import ModernAhoCorasick from 'modern-ahocorasick';
import ModernFast from 'modern-ahocorasick/fast';

const require = createRequire(import.meta.url);

/** What the count must equal: every overlapping occurrence, or only positions whose state is itself a pattern end. */
export type Expectation = 'overlapping' | 'own-ends';

export interface Peer {
  name: string;
  expect: Expectation;
  /** Why the expectation differs from `overlapping`, when it does. */
  reason?: string;
  build(phrases: readonly string[]): (text: string) => number;
}

export const PEERS: Peer[] = [
  {
    name: '@monyone/aho-corasick (fast)',
    expect: 'overlapping',
    build(phrases) {
      const ac = new MonyoneFast([...phrases]);
      return (text) => ac.matchInText(text).length;
    },
  },
  {
    name: 'aho-corasick',
    expect: 'overlapping',
    build(phrases) {
      const AC = require('aho-corasick') as new () => { add(w: string, d: unknown): void; build_fail(): void; search(t: string, cb: (w: string, d: unknown[], o: number) => void): void };
      const ac = new AC();
      for (const p of phrases) ac.add(p, p);
      ac.build_fail();
      return (text) => {
        let n = 0;
        ac.search(text, () => {
          n++;
        });
        return n;
      };
    },
  },
  {
    name: 'fastscan',
    expect: 'overlapping',
    build(phrases) {
      const FastScanner = require('fastscan') as new (w: string[]) => { search(t: string, o?: object): Array<[number, string]> };
      const s = new FastScanner([...phrases]);
      return (text) => s.search(text).length;
    },
  },
  {
    name: 'mint-filter',
    expect: 'own-ends',
    reason: 'reports a pattern only when the current state itself ends one (no output links), so a phrase that is a suffix of a longer matched path is missed',
    build(phrases) {
      const { Mint } = require('mint-filter') as { Mint: new (k: string[]) => { filter(t: string, o: { replace: boolean }): { words: string[] } } };
      const m = new Mint([...phrases]);
      return (text) => m.filter(text, { replace: false }).words.length;
    },
  },
  {
    name: 'ahocorasick',
    expect: 'overlapping',
    build(phrases) {
      const AC = require('ahocorasick') as new (k: string[]) => { search(t: string): Array<[number, string[]]> };
      const ac = new AC([...phrases]);
      return (text) => {
        let n = 0;
        for (const [, words] of ac.search(text)) n += words.length;
        return n;
      };
    },
  },
  {
    name: 'modern-ahocorasick',
    expect: 'overlapping',
    build(phrases) {
      const ac = new ModernAhoCorasick([...phrases]);
      return (text) => ac.count(text);
    },
  },
  {
    name: 'modern-ahocorasick (fast)',
    expect: 'overlapping',
    build(phrases) {
      const ac = new ModernFast([...phrases]);
      return (text) => ac.count(text);
    },
  },
];
