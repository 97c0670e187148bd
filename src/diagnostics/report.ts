// The acceptor: the one place that turns a catalog entry + arguments into a Diagnostic.
// Checks call `report(...)`; they never build Diagnostic objects themselves.
import type { CatalogEntry } from './catalog.js';
import type { Diagnostic, Fix, RelatedSpan, Span } from './diagnostic.js';

export interface ReportExtras {
  errno?: string;
  related?: RelatedSpan[];
  fix?: Fix;
  /** Overrides the entry's help line. */
  help?: string;
}

export type Report = <A extends unknown[]>(entry: CatalogEntry<A>, args: A, span: Span, extras?: ReportExtras) => void;

export function createDiagnostic<A extends unknown[]>(entry: CatalogEntry<A>, args: A, span: Span, extras?: ReportExtras): Diagnostic {
  const d: Diagnostic = {
    code: entry.code,
    name: entry.name,
    severity: entry.severity,
    message: entry.message(...args),
    span,
  };
  const errno = extras?.errno ?? entry.errno;
  if (errno) d.errno = errno;
  const help = extras?.help ?? entry.help?.(...args);
  if (help) d.help = help;
  if (extras?.related?.length) d.related = extras.related;
  if (extras?.fix) d.fix = extras.fix;
  return d;
}

/** An acceptor that appends to `out`. */
export function collectInto(out: Diagnostic[]): Report {
  return (entry, args, span, extras) => {
    out.push(createDiagnostic(entry, args, span, extras));
  };
}
