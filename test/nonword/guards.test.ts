/** The guards of the non-word stage (src/nonword/guards.ts), each on a sentence that needs it and its twin that does not. */
import { describe, expect, it } from 'vitest';
import { personName, placeName, quoted, repeated, transliterated } from '../../src/nonword/guards.js';

const at = (text: string, s: string): [number, number] => {
  const i = text.indexOf(s);
  return [i, i + s.length];
};
const guard = (g: (t: string, a: number, b: number) => string | undefined, text: string, s: string): string | undefined => g(text, ...at(text, s));

describe('non-word guards', () => {
  it('repeated: the same string twice in the text', () => {
    expect(guard(repeated, '实现应灌尽灌，确保应灌尽灌。', '尽灌')).toBeDefined();
    expect(guard(repeated, '实现应灌尽灌。', '尽灌')).toBeUndefined();
  });
  it('place name: a suffix of places and bodies follows', () => {
    expect(guard(placeName, '来到第六埠村。', '六埠')).toBeDefined();
    expect(guard(placeName, '来到第六埠看看。', '六埠')).toBeUndefined();
  });
  it("person name: surname first (or right before) and a list comma or a verb of speech after", () => {
    expect(guard(personName, '张雨霏、董静作了发言。', '董静')).toBeDefined();
    expect(guard(personName, '由汪顺、沈加豪、潘展乐组成。', '加豪')).toBeDefined();
    expect(guard(personName, '一片董静的湖面。', '董静')).toBeUndefined();
  });
  it('quoted: inside short quotation or title marks', () => {
    expect(guard(quoted, '节目《巅峰食刻》播出。', '食刻')).toBeDefined();
    expect(guard(quoted, '“国潮臻品馆”启动。', '臻品')).toBeDefined();
    expect(guard(quoted, '他说：“今天。”巅峰食刻播出。', '食刻')).toBeUndefined();
  });
  it('transliterated: a middle dot nearby', () => {
    expect(guard(transliterated, '哈桑·希希就任。', '希希')).toBeDefined();
    expect(guard(transliterated, '希希就任。', '希希')).toBeUndefined();
  });
  it('never throw at the edges of the text', () => {
    for (const g of [repeated, placeName, personName, quoted, transliterated]) {
      expect(() => g('', 0, 0)).not.toThrow();
      expect(() => g('即然', 0, 2)).not.toThrow();
    }
  });
});
