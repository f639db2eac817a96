/**
 * The people table: who held which title when, and the protocol order of bodies. Read from
 * `kind: people` YAML files (dictionaries/people/ and users' `--lexicon` files; format in
 * dictionaries/FORMAT.md), validated with `file:line: reason` errors, compiled by the build into
 * dist/data/people.json. Dates are ISO `YYYY-MM-DD`; `until` is exclusive (the day the successor
 * took office or the person was removed).
 */

/** A title (职务) as written before a name, with its other spellings and short forms. */
export interface PeopleTitle {
  id: string;
  /** The canonical form, written before the name: 国务院总理. */
  text: string;
  /** Other forms written before the name: 总理, 中华人民共和国主席 ... */
  aliases: string[];
  /** Short forms written after the name: 总理 (李强总理), 总书记 (习近平总书记). */
  after: string[];
  file: string;
  line: number;
}

/** One post held: a title from `since` (inclusive) to `until` (exclusive; open when absent). */
export interface PeoplePost {
  title: string;
  since: string;
  until?: string;
  source: string;
  line: number;
}

/** A removal from office (免职、撤职、开除) recorded with date and source: drives `former-official`. */
export interface PeopleRemoval {
  date: string;
  what: string;
  source: string;
  line: number;
}

export interface Person {
  id: string;
  name: string;
  posts: PeoplePost[];
  removed?: PeopleRemoval;
  note?: string;
  file: string;
  line: number;
}

/** A body whose members are listed in a fixed protocol order (e.g. the Standing Committee). */
export interface PeopleBody {
  id: string;
  name: string;
  /** Bodies of one series succeed each other (pbsc-18, pbsc-19 ...); a list is judged against the series member that covers it best. */
  series: string;
  /** Membership confers this title for the body's term (e.g. pbsc-member). */
  title?: string;
  /**
   * The order binds only lists written right after this title (国务院副总理丁薛祥、何立峰…): in other
   * lists these members follow another order (rosters of the Political Bureau go by strokes).
   * Absent: every 、 list of members follows the protocol order (the Standing Committee).
   */
  listedAfter?: string;
  since: string;
  until?: string;
  /** Person ids in protocol order. */
  members: string[];
  source: string;
  file: string;
  line: number;
}

/** One parsed people file. */
export interface PeopleFile {
  file: string;
  /** Dates before this are not judged (the table says nothing about them). */
  since?: string;
  titles: PeopleTitle[];
  bodies: PeopleBody[];
  people: Person[];
}

/** The compiled built-in table as written by the build (dist/data/people.json). */
export interface CompiledPeopleFile {
  format: 1;
  files: PeopleFile[];
}
