/** Ready-made integrations: a CMS pre-publish hook, a crawler loop over saved pages, a git pre-commit hook. */
export { prePublishCheck, type PrePublishOptions, type PrePublishResult } from './cms.js';
export { highlightHtml, type HighlightOptions } from './highlight.js';
export { checkSavedPages, type SavedPagesOptions, type SavedPagesSummary } from './crawler.js';
export { runPreCommit, stagedFiles, type PreCommitOptions } from './pre-commit.js';
