/** The fixed choices of parameters, without zod, for the CLI's option definitions. */
export const Papers = ['A4', 'Letter'] as const;
export const ProofStyles = ['regular', 'bold', 'italic', 'boldItalic', 'mono'] as const;
export type Paper = (typeof Papers)[number];
export type ProofStyle = (typeof ProofStyles)[number];

/**
 * The choice `input` names: itself, or else the one choice equal to it ignoring case and
 * surrounding space (`a4` is `A4`). Undefined when none matches, or when ignoring case would
 * make two choices equal, so a case-insensitive match never has to guess.
 */
export function matchChoice<T extends string>(input: string, choices: readonly T[]): T | undefined {
  const exact = choices.find((c) => c === input);
  if (exact !== undefined) return exact;
  const folded = input.trim().toLowerCase();
  const matches = choices.filter((c) => c.toLowerCase() === folded);
  return matches.length === 1 ? matches[0] : undefined;
}
