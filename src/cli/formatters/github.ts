/**
 * GitHub Actions workflow commands: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::MESSAGE`
 * (`::warning` for warnings, `::notice` for info). Property values and the message are escaped as
 * the runner expects (`%`, CR, LF; and `:` `,` in properties).
 */
import { LocationIndex } from '../../findings/location.js';
import type { Formatter } from './types.js';

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results) => {
  let out = '';
  for (const r of results) {
    // An unreadable input is an error annotation on the file; a skipped one a warning.
    if (r.error !== undefined) out += `::error file=${escapeProperty(r.file)},title=${escapeProperty('tifa input')}::${escapeData(r.error.message)}\n`;
    if (r.skipped !== undefined) out += `::warning file=${escapeProperty(r.file)},title=${escapeProperty('tifa input')}::${escapeData(r.skipped.message)}\n`;
    for (const w of r.warnings ?? []) out += `::warning file=${escapeProperty(r.file)},title=${escapeProperty('tifa encoding')}::${escapeData(w)}\n`;
    if (r.findings.length === 0) continue;
    const location = new LocationIndex(r.text);
    for (const f of r.findings) {
      const command = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
      const end = location.locate(f.end);
      const props = [`file=${escapeProperty(r.file)}`, `line=${f.line}`, `col=${f.column}`];
      if (end) props.push(`endLine=${end.line}`, `endColumn=${end.column}`);
      props.push(`title=${escapeProperty(`tifa ${f.rule}`)}`);
      out += `::${command} ${props.join(',')}::${escapeData(f.message)}\n`;
    }
  }
  return out;
};
