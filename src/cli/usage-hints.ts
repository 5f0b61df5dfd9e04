import { RoadmapError } from '../errors.js';
import { didYouMean } from '../personalize/suggest.js';
import { matchChoice } from '../schema/choices.js';

/** A usage error (exit 2), pointing at the help. */
export function usageError(message: string): RoadmapError {
  return new RoadmapError('usage', `${message}\nRun "roadmap-press --help" for usage.`);
}

/**
 * A yargs `coerce` for an option with fixed choices: matches case-insensitively (`--paper a4`)
 * and otherwise fails with the choices and the nearest one. yargs' own `choices` compares
 * exactly, and runs before any coerce, so it is not used.
 */
export function choiceOption<T extends string>(flag: string, choices: readonly T[]): (value: unknown) => T | undefined {
  return (value) => {
    if (value === undefined) return undefined;
    const given = String(Array.isArray(value) ? value.at(-1) : value);
    const matched = matchChoice(given, choices);
    if (matched !== undefined) return matched;
    // yargs hands what a coerce throws to the command line's fail handler, which passes it on.
    throw usageError(`--${flag}: expected one of ${choices.join(', ')}, got "${given}"${didYouMean(given, choices)}`);
  };
}

/**
 * The names yargs knows in a command's builder: its options (kebab-case as declared, plus the
 * camelCase aliases yargs adds) and positionals. yargs does not type `getOptions()`, so it is
 * read defensively.
 */
export function declaredFlags(y: object): string[] {
  const getOptions: unknown = Reflect.get(y, 'getOptions');
  if (typeof getOptions !== 'function') return [];
  const options: unknown = getOptions.call(y);
  const keys: unknown = options !== null && typeof options === 'object' ? Reflect.get(options, 'key') : undefined;
  if (keys === null || typeof keys !== 'object') return [];
  // camelCase aliases would be suggested alongside their kebab-case spelling; `$0` is no flag.
  return Object.keys(keys).filter((k) => !/[A-Z$]/.test(k));
}

/**
 * Turns yargs' "Unknown argument(s): a, b" into one line per word with the nearest command
 * (for the first word) or flag of the command: `--nmae` → `--name`.
 */
export function unknownArgumentsMessage(message: string, argv: readonly string[], commands: readonly string[], flags: readonly string[]): string | undefined {
  const m = /^Unknown arguments?: (.+)$/.exec(message);
  if (!m?.[1]) return undefined;
  const all = m[1].split(', ');
  // yargs also reports the camelCase alias of an unknown `--kebab-name`: one line is enough.
  const names = all.filter((n) => !/[A-Z]/.test(n) || !all.includes(n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)));
  const firstWord = argv.find((a) => !a.startsWith('-'));
  return names
    .map((name) => {
      const typed = argv.find((a) => a === `--${name}` || a === `-${name}` || a.startsWith(`--${name}=`) || a.startsWith(`-${name}=`)) ??
        // A letter of a bundle of short flags (`-nx`).
        (name.length === 1 ? argv.find((a) => /^-[^-]/.test(a) && a.includes(name)) : undefined);
      if (typed === undefined && name === firstWord && !commands.includes(name)) return `unknown command "${name}"${didYouMean(name, commands)}`;
      if (typed === undefined) return `unexpected argument "${name}"`;
      const dashes = typed.startsWith('--') ? '--' : '-';
      return `unknown option ${dashes}${name}${name.length > 1 ? didYouMean(name, flags, '--') : ''}`;
    })
    .join('\n');
}
