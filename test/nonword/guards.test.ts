/** The guards of the non-word stage (src/nonword/guards.ts), each on a sentence that needs it and its twin that does not. */
import { describe, expect, it } from 'vitest';
import { parallel, personName, placeName, quoted, repeated, REPEAT_REACH, transliterated } from '../../src/nonword/guards.js';

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
  it('repeated: only within its reach on either side (a window of a long text sees as much)', () => {
    const near = `包护${'的'.repeat(REPEAT_REACH - 3)}包护`;
    const far = `包护${'的'.repeat(REPEAT_REACH + 1)}包护`;
    expect(repeated(near, near.length - 2, near.length)).toBeDefined();
    expect(repeated(near, 0, 2)).toBeDefined();
    expect(repeated(far, far.length - 2, far.length)).toBeUndefined();
    expect(repeated(far, 0, 2)).toBeUndefined();
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
  it('person name: a three-character name, the string at its start or at its end with the word after it', () => {
    expect(guard(personName, '由汪顺、沈加豪、潘展乐组成。', '沈加')).toBeDefined();
    expect(guard(personName, '任命孙绍骋为全国人大社会委副主任委员。', '骋为')).toBeDefined();
    expect(guard(personName, '驻俄罗斯大使张汉晖到机场迎接。', '晖到')).toBeDefined();
    expect(guard(personName, '何润生、陈清莉也分别发言。', '清莉')).toBeDefined();
    expect(guard(personName, '杨晓渡 肖捷 吴汉圣 吴邦国', '吴汉')).toBeDefined();
    // No surname where the name would start, or no word after it that follows names.
    expect(guard(personName, '任命后绍骋为副主任。', '骋为')).toBeUndefined();
    expect(guard(personName, '大使张汉晖来到机场。', '晖来')).toBeUndefined();
    expect(guard(personName, '沈加豪爽地笑了。', '沈加')).toBeUndefined();
  });
  it("person name: after a word for someone's trade, title or role, a surname and the string, or the string from a surname", () => {
    expect(guard(personName, '农机手俞建义驾驶收割机。', '建义')).toBeDefined();
    expect(guard(personName, '农机手们建义驾驶收割机。', '建义')).toBeUndefined();
    expect(guard(personName, '由副书记吴汉圣主持会议。', '吴汉')).toBeDefined();
    expect(guard(personName, '来到吴汉圣家中。', '吴汉')).toBeUndefined();
  });
  it('quoted: inside short quotation or title marks', () => {
    expect(guard(quoted, '节目《巅峰食刻》播出。', '食刻')).toBeDefined();
    expect(guard(quoted, '“国潮臻品馆”启动。', '臻品')).toBeDefined();
    expect(guard(quoted, '他说：“今天。”巅峰食刻播出。', '食刻')).toBeUndefined();
  });
  it('transliterated: reads only a few syllables on either side, however long the run', () => {
    const run = '斯'.repeat(100_000);
    expect(transliterated(run, 50_000, 50_002)).toMatch(/^斯+: a transliterated name$/);
    expect(transliterated(run, 50_000, 50_002)!.split(":")[0]!.length).toBeLessThanOrEqual(12);
  });
  it('transliterated: among three or more syllables of transliteration, middle dots included', () => {
    expect(guard(transliterated, '哈桑·希希就任。', '希希')).toBeDefined();
    expect(guard(transliterated, '美国国防部长赫格塞思16日称。', '赫格')).toBeDefined();
    expect(guard(transliterated, '白宫此前称威特科夫将就停火问题。', '称威')).toBeDefined();
    expect(guard(transliterated, '在沃尔昌斯克和利普齐附近交战。', '普齐')).toBeDefined();
    expect(guard(transliterated, '希希就任。', '希希')).toBeUndefined();
    // A middle dot nearby is not enough: the slip stands before the name.
    expect(guard(transliterated, '跟据约翰斯·霍普金斯大学公布的数据。', '跟据')).toBeUndefined();
  });
  it('parallel: a four-character pattern that repeats a character of the string', () => {
    expect(guard(parallel, '推进优机优补。', '优机')).toBeDefined();
    expect(guard(parallel, '新产品首试首用。', '试首')).toBeDefined();
    expect(guard(parallel, '实现应灌尽灌。', '尽灌')).toBeDefined();
    expect(guard(parallel, '在这一卸一装之间。', '一卸')).toBeDefined();
    expect(guard(parallel, '推进优机补贴。', '优机')).toBeUndefined();
    // At a distance of three, or with a punctuation mark in the window, it is no pattern.
    expect(guard(parallel, '包护大包。', '包护')).toBeUndefined();
    expect(guard(parallel, '尽灌，灌溉。', '尽灌')).toBeUndefined();
  });
  it('never throw at the edges of the text', () => {
    for (const g of [repeated, placeName, personName, quoted, transliterated, parallel]) {
      expect(() => g('', 0, 0)).not.toThrow();
      expect(() => g('即然', 0, 2)).not.toThrow();
      expect(() => g('即然', 1, 2)).not.toThrow();
    }
  });
});
