/**
 * CandidateView: everything the judge's rules read about one candidate finding, built once per
 * candidate. The draft (what the scan proposes: span, rule, detail, entry, edit), the scene (what
 * the whole check knows: correctly written phrases, allowed spans, the segmenter) and, for fuzzy
 * candidates, the Reading of the window around it (tokens, frequencies, the phrase's own words).
 */
import type { LexiconEntry } from '../lexicon/types.js';
import type { FuzzyCandidate } from '../fuzzy/index.js';
import type { SpanIndex } from '../findings/spans.js';
import type { ErrorDetail, RuleId, Segmenter, Severity } from '../types.js';
import type { Calibration } from './calibration.js';
import type { IsSkip } from './chars.js';
import { Reading, type PhraseTarget } from './reading.js';

/** A finding the scan proposes, before the judge. */
export interface Draft {
  rule: RuleId;
  severity: Severity;
  start: number;
  end: number;
  expected: string[];
  entry: LexiconEntry;
  detail: ErrorDetail;
  confidence: number;
  /** Human-readable edit of a fuzzy finding (明→民, 漏“民”). */
  edit?: string;
  /** Fuzzy findings: text position of the edit. */
  editPos?: number;
  /** Fuzzy findings: the aligned candidate and the phrase it stands for. */
  fuzzy?: { candidate: FuzzyCandidate; target: PhraseTarget };
}

/** What the whole check knows, shared by the views of one text. */
export interface Scene {
  text: string;
  /** The matching form of a string (normalized). */
  key: (s: string) => string;
  isSkip: IsSkip;
  /** Correctly written phrases (hits of mandated texts). */
  correct: SpanIndex;
  /** Correctly written phrases of the mined bank and their known sibling wordings (src/lexicon/bank.ts); absent: none. */
  bankCorrect?: SpanIndex;
  /** Spans of `allow` entries and the `allow` option. */
  allowed: SpanIndex;
  /** Matching forms of every listed text (phrases, variants, allow entries). */
  knownKeys: ReadonlySet<string>;
  minConfidence: number;
  /** The segmenter (resolved on first use; undefined for 'none'). */
  segmenter: () => Segmenter | undefined;
  calibration: () => Calibration;
}

export class CandidateView {
  private readingMemo: Reading | null | undefined;

  constructor(
    readonly draft: Draft,
    readonly scene: Scene,
  ) {}

  get text(): string {
    return this.scene.text;
  }
  get start(): number {
    return this.draft.start;
  }
  get end(): number {
    return this.draft.end;
  }
  /** The candidate's text as written. */
  get actual(): string {
    return this.scene.text.slice(this.draft.start, this.draft.end);
  }

  /** The fuzzy candidate's window as the segmenter reads it; undefined for listed findings, without a segmenter, or when the segmenter rewrote the text. */
  get reading(): Reading | undefined {
    if (this.readingMemo === undefined) {
      const segmenter = this.draft.fuzzy && this.scene.segmenter();
      this.readingMemo = (segmenter && Reading.of(this.scene.text, this.draft.fuzzy!.candidate, this.draft.fuzzy!.target, segmenter, this.scene.isSkip, this.scene.calibration())) ?? null;
    }
    return this.readingMemo ?? undefined;
  }
}
