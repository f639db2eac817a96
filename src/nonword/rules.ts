/**
 * The judge's rules for non-word findings (src/nonword/stage.ts): a string that is no word, one slip
 * from a frequent word, is meant after all when it names someone or something, is a coined term
 * the text repeats, or stands in quotation marks. Each rule wraps a guard of src/nonword/guards.ts.
 */
import type { JudgeRule, RuleExample } from '../judge/rule.js';
import type { CandidateView } from '../judge/view.js';
import { parallel, personName, placeName, quoted, repeated, transliterated, type NonwordGuard } from './guards.js';
import { NONWORD_CATEGORY } from './stage.js';

const rule = (id: string, doc: string, guard: NonwordGuard, examples: RuleExample[]): JudgeRule => ({
  id,
  appliesTo: { rules: ['misspelling'], details: ['substitution'] },
  needs: 'nothing',
  doc,
  examples,
  decide: (v: CandidateView) => (v.draft.entry.category === NONWORD_CATEGORY ? guard(v.text, v.start, v.end) : undefined),
});

export const NONWORD_RULES: readonly JudgeRule[] = [
  rule('nonword-repeated', 'A non-word the text writes twice or more is a term or a name of its own (应灌尽灌), not the same slip made twice.', repeated, [
    { quiet: '开展包护行动，包护行动覆盖全省。', found: '开展包护行动，覆盖全省。' },
  ]),
  rule('nonword-place-name', 'A non-word followed by a character that ends the name of a place, a body or a building (村, 镇, 苑, 院 …) is that name (六埠村, 佳乐苑).', placeName, [
    { quiet: '来到包护村看望群众。', found: '来到包护现场看望群众。' },
  ]),
  rule('nonword-person-name', "A non-word that starts with a common surname, or follows one, and stands before a list comma or a verb of speech is a person's name (董静作了发言); so is the last character of a three-character name with the word after it (任命孙绍骋为, 张汉晖到机场), and a surname's name after a word for someone's trade, title or role (农机手俞建义, 院士龚旗煌).", personName, [
    { quiet: '会上，代表王包护作了发言。', found: '会上，代表们就包护作了发言。' },
    { quiet: '任命王包护为副主任。', found: '任命后包护为先。' },
    { quiet: '村民曾包护回到村里。', found: '村民们包护回到村里。' },
  ]),
  rule('nonword-quoted', 'A non-word inside short quotation or title marks is a title, a slogan or a coined name (《巅峰食刻》).', quoted, [
    { quiet: '“包护行动”启动。', found: '包护行动启动。' },
  ]),
  rule('nonword-transliterated', 'A non-word among three or more syllables of transliteration (middle dots included) is part of a foreign name (哈桑·希希, 赫格塞思, 威特科夫); a middle dot nearby alone is not (跟据约翰斯·霍普金斯 is a slip).', transliterated, [
    { quiet: '会见了什玛斯基。', found: '这是什玛意思？' },
  ]),
  rule('nonword-parallel', 'A non-word in a four-character pattern that repeats one of its characters at a distance of two (优机优补, 首试首用, 应灌尽灌) is one half of a coined pair.', parallel, [
    { quiet: '实行包护包管。', found: '实行包护管理。' },
  ]),
];
