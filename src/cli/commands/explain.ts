// `ue-lint explain [code | name | errno]`: a rule's docs from the catalog (Ruff's
// headings), the codes behind an errno, the definition syntax, or (no argument) the list of all codes.
import type { Argv } from 'yargs';
import { catalogEntries, findCatalogEntry } from '../../index.js';
import { ruleDocsMarkdown } from '../../diagnostics/docs.js';
import type { CliCommand } from '../command.js';
import { SYNTAX_HELP } from '../help.js';
import { CliError } from '../io.js';
import { closest } from '../suggest.js';

/** One line per errno the kernel answers to a registration. */
export const ERRNO_EXPLANATIONS: Readonly<Record<string, string>> = {
  EINVAL: 'invalid argument: the kernel rejected the definition text',
  EADDRINUSE: 'address in use: an event with this name already exists with different fields',
  E2BIG: 'argument list too long: the registration struct is larger than expected',
  EFAULT: 'bad address: the definition or struct could not be read from user memory',
  ENOMEM: 'out of memory while creating the event',
  EPERM: 'operation not permitted: a persistent event needs CAP_PERFMON or CAP_SYS_ADMIN',
  ENOENT: 'no such event: a deletion matched nothing',
  EBUSY: 'busy: the event is in use and cannot be deleted',
};

export interface ExplainArgs {
  topic?: string;
}

export const explainCommand: CliCommand<ExplainArgs> = {
  command: 'explain [topic]',
  describe: 'Explain a diagnostic code (UE104), rule name (duplicate-field-name), errno (EINVAL), or `syntax`',
  builder: (y: Argv) =>
    y
      .positional('topic', { type: 'string', describe: 'A code, rule name, errno, or `syntax` (definitions and definition files); omit to list every code' })
      .example('ue-lint explain UE104', 'docs of one rule')
      .example('ue-lint explain EADDRINUSE', 'which definitions make the kernel answer EADDRINUSE')
      .example('ue-lint explain syntax', 'the definition syntax and the definition-file format') as unknown as Argv<ExplainArgs>,
  run: async (args, ctx) => {
    const out = ctx.io.stdout;
    const live = catalogEntries.filter((e) => !e.removed);
    const list = (entries: typeof catalogEntries) => {
      const w = Math.max(...entries.map((e) => e.name.length));
      return entries.map((e) => `${e.code}  ${e.name.padEnd(w)}  ${e.severity === 'error' ? 'error  ' : 'warning'}  ${e.summary}`).join('\n');
    };
    if (args.topic === undefined) {
      out.write(`${list(live)}\n`);
      return 0;
    }
    const topic = args.topic.trim();
    if (topic.toLowerCase() === 'syntax') {
      out.write(`${SYNTAX_HELP}\n`);
      return 0;
    }
    const entry = findCatalogEntry(topic);
    if (entry) {
      out.write(`${ruleDocsMarkdown(entry)}\n`);
      return 0;
    }
    const errno = topic.toUpperCase();
    const byErrno = live.filter((e) => e.errno === errno);
    if (byErrno.length > 0 || ERRNO_EXPLANATIONS[errno] || /^ERRNO_\d+$/.test(errno)) {
      const why = ERRNO_EXPLANATIONS[errno] ?? (/^ERRNO_\d+$/.test(errno) ? 'a negative return value with no errno name (struct sizes of 2^31 and more)' : 'no explanation available');
      out.write(`${errno}: ${why}\n`);
      out.write(byErrno.length > 0 ? `\nCodes that report ${errno}:\n${list(byErrno)}\n` : `\nNo ue-lint code reports ${errno}.\n`);
      return 0;
    }
    const guess = closest(topic, [...live.map((e) => e.code), ...live.map((e) => e.name), ...Object.keys(ERRNO_EXPLANATIONS)]);
    throw new CliError(`unknown code, rule name or errno \`${topic}\`${guess ? ` (did you mean ${guess}?)` : ''}; run \`ue-lint explain\` for the list`);
  },
};
