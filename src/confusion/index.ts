export { createConfusion, compileConfusionData, confusionFromData, mergeSyllable } from './confusion.js';
export type { Confusion, ConfusionData, ConfusionKind, ConfusionTables } from './confusion.js';
export {
  NormalizeClass,
  normalizeClassName,
  parseNormalize,
  parseNormalizeClasses,
  parseNormalizeTable,
} from './normalize-table.js';
export type { NormalizeClassCode, NormalizeClassName } from './normalize-table.js';
