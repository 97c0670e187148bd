// Langium-style span markers for tests: `"wake u32 pid; u32 <|pid|>"` →
// `{ text: 'wake u32 pid; u32 pid', spans: [{ start: 18, end: 21 }] }`.
// Offsets are half-open UTF-16 offsets into the unmarked text; `<||>` is a zero-width span.
import type { Span } from '../../src/diagnostics/diagnostic.js';

export interface MarkedText {
  text: string;
  spans: Span[];
}

const OPEN = '<|';
const CLOSE = '|>';

/** Strip `<|…|>` markers, returning the text and the marked spans in order of their start. Markers do not nest. */
export function parseSpanMarkers(marked: string): MarkedText {
  let text = '';
  const spans: Span[] = [];
  let open: number | undefined;
  let i = 0;
  while (i < marked.length) {
    if (marked.startsWith(OPEN, i) && open === undefined) {
      open = text.length;
      i += OPEN.length;
    } else if (marked.startsWith(CLOSE, i) && open !== undefined) {
      spans.push({ start: open, end: text.length });
      open = undefined;
      i += CLOSE.length;
    } else {
      text += marked[i];
      i++;
    }
  }
  if (open !== undefined) throw new Error(`unclosed \`<|\` marker in ${JSON.stringify(marked)}`);
  return { text, spans };
}

/** The single span of a marked string; throws unless there is exactly one marker pair. */
export function parseOneSpan(marked: string): { text: string; span: Span } {
  const { text, spans } = parseSpanMarkers(marked);
  if (spans.length !== 1) throw new Error(`expected exactly one <|…|> marker in ${JSON.stringify(marked)}, found ${spans.length}`);
  return { text, span: spans[0]! };
}

/** Apply one edit: replace `span` of `text` with `replacement`. */
export function applyEdit(text: string, span: Span, replacement: string): string {
  return text.slice(0, span.start) + replacement + text.slice(span.end);
}
