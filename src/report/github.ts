// `github`: GitHub Actions workflow commands, one annotation per diagnostic:
// `::error file=a.ue,line=3,col=34,endLine=3,endColumn=37,title=UE104::duplicate field name …`
import { toReporter, type StreamingReporter } from './types.js';

/** Escape a workflow command message (`%`, CR, LF). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escape a workflow command property (also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const githubStream: StreamingReporter = {
  start: () => '',
  diagnostic(d) {
    const props = [
      `file=${escapeProperty(d.file)}`,
      `line=${d.range.start.line}`,
      `col=${d.range.start.column}`,
      `endLine=${d.range.end.line}`,
      `endColumn=${d.range.end.column}`,
      `title=${escapeProperty(`${d.code} ${d.name}`)}`,
    ].join(',');
    let text = d.help ? `${d.message}\nhelp: ${d.help}` : d.message;
    // Annotations have one location: the others ("first defined here") go in the message.
    for (const r of d.related ?? []) text += `\n${r.label}: ${r.file}:${r.range.start.line}:${r.range.start.column}`;
    return `::${d.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(text)}\n`;
  },
  end: () => '',
};

export const github = toReporter(githubStream);
