export { NonwordStage, DEFAULT_NONWORD_OPTIONS, NONWORD_CATEGORY, nonwordEvidence, type NonwordOptions } from './stage.js';
export { NonwordTable } from './table.js';
export { loadNonwordTable } from './load.js';
