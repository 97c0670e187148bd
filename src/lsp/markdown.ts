// Markdown for hovers, inert by construction: every text that came from a definition
// file goes into a code span or a fenced block whose backtick fence is longer than any
// backtick run inside it, after control, line-separator and bidi characters are shown
// as escapes (so nothing can end the span, start a block, or reorder what is shown).
// Our own prose goes through `prose`, which backslash-escapes every ASCII punctuation
// character. test/lsp/markdown.property.test.ts parses the output with a CommonMark
// parser and checks that hostile text only ever lands, verbatim, in code.
import { showText } from '../diagnostics/catalog.js';

// Line and paragraph separators, bidi embeddings/overrides/isolates and marks, zero-width
// characters and the BOM: invisible, or able to reorder the text around them.
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** `text` with control bytes (`showText`), separators and bidi controls written as escapes. */
export function visible(text: string, { keepTabs = false } = {}): string {
  const shown = keepTabs ? text.split('\t').map((part) => showText(part)).join('\t') : showText(text);
  return shown.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return longest;
}

/** An inline code span showing `text` literally (CommonMark §6.1). */
export function codeSpan(text: string): string {
  const shown = visible(text);
  if (shown === '') return prose('(empty)');
  const fence = '`'.repeat(longestBacktickRun(shown) + 1);
  // A space on each side keeps a backtick at either end off the fence, and protects the text's
  // own outer spaces; CommonMark strips one space from each side (unless the span is all spaces).
  const pad = shown.startsWith('`') || shown.endsWith('`') || (shown.startsWith(' ') && shown.endsWith(' ') && /[^ ]/.test(shown)) ? ' ' : '';
  return `${fence}${pad}${shown}${pad}${fence}`;
}

/** A fenced code block showing `text` literally, line by line (tabs kept). */
export function codeBlock(text: string, info = 'text'): string {
  const lines = text.replace(/\n$/, '').split('\n').map((line) => visible(line, { keepTabs: true }));
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(lines.join('\n')) + 1));
  return [`${fence}${info}`, ...lines, fence].join('\n');
}

/**
 * Our own words as plain text: whitespace runs become one space (no indented code, no
 * line breaks) and every ASCII punctuation character is backslash-escaped, so nothing
 * in it is syntax.
 */
export function prose(text: string): string {
  return visible(text).replace(/\s+/g, ' ').trim().replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
