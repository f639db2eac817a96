// A stand-in checker module for the pool tests: crashes its worker on CRASH, throws on THROW,
// otherwise reports the first character. Options arrive as plain data.
export function createChecker(options) {
  if (options && options.failSetup) throw new Error('lexicon broken: fake.yaml:1: bad entry');
  return {
    check(text) {
      if (text.includes('CRASH')) process.exit(7);
      if (text.includes('THROW')) throw new Error('boom');
      return [{ rule: 'misspelling', start: 0, end: 1, actual: text.slice(0, 1), threadTag: options.tag }];
    },
    checkHtml(html) {
      return [{ rule: 'from-html', start: 0, end: html.length, actual: html }];
    },
  };
}
