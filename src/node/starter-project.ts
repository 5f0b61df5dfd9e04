/**
 * What `roadmap-press init` writes that is not a copy of a shipped file: a generic starter
 * roadmap and the config. Nothing here is true of the shipped roadmaps: no seed facts.
 */

/** The starter roadmap's id, and so its folder under roadmaps/. */
export const STARTER_ROADMAP_ID = 'my-roadmap';

/** The starter's language: its texts are written in it, and the config builds in it. */
export const STARTER_LANGUAGE = 'en';

/** The label key the starter's label file sets, so the file is a mapping; every other key falls back to the shipped label. */
export const STARTER_LABEL_KEY = 'roadmapFor';

/** `roadmaps/<id>/roadmap.yaml`: three levels with non-`L` codes, a three-month plan, a takeaway. */
export function starterRoadmap(schemaRef: string): string {
  return `# yaml-language-server: $schema=${schemaRef}
#
# A starter roadmap written by \`roadmap-press init\`: replace its texts with your own. The
# folder's name (roadmaps/${STARTER_ROADMAP_ID}/) is the roadmap's id: rename both together.
# \`roadmap-press validate\` names every problem with its line; editors with the YAML language
# server complete and check this file from the schema named on the first line.
# Optional parts left out here: salaries (with \`salary: { currency, period }\`), a capstone,
# specializations, portfolio, pitfalls, checkIns and extraSections; \`roadmap-press schema\`
# describes them all.

meta:
  id: ${STARTER_ROADMAP_ID}
  # The language of the texts below; a translation goes in roadmap.<locale>.yaml beside this file.
  language: ${STARTER_LANGUAGE}
  title: My Roadmap
  subtitle: What to learn at each level, and a first three months to get going.

sections:
  levels:
    kicker: Levels
    title: The career ladder
  skills:
    kicker: Skill Matrix
    title: What each level is expected to know
  plan:
    kicker: Learning Plan
    title: The first three months
  takeaway:
    title: In short

levels:
  - code: JR
    title: Junior
    years:
      from: 0
      to: 2
    skills:
      - The fundamentals of the field
      - One tool used every day
  - code: MID
    title: Mid-level
    years:
      from: 2
      to: 5
    skills:
      - Owns a piece of work end to end
      - Reviews the work of others
  - code: SR
    title: Senior
    years:
      from: 5
      to: null
    skills:
      - Designs systems with others
      - Mentors the team

plan:
  # Entries cover months 1…N without gap or overlap; \`levels: [JR]\` on an entry makes a plan per starting level.
  entries:
    - months:
        from: 1
        to: 1
      topics:
        - Fundamentals
      tasks:
        - Pick one introductory course or book and work through its first half.
        - Write down three questions you cannot answer yet.
      deliverable: Notes on what you learned, in your own words.
    - months:
        from: 2
        to: 2
      topics:
        - Tools
        - Practice
      tasks:
        - Set up the tools of the field on your own machine.
        - Redo one exercise from month 1 with them.
      deliverable: A short write-up of your setup.
    - months:
        from: 3
        to: 3
      topics:
        - First project
      tasks:
        - Choose a small project and write its goal in one sentence.
        - Build it, and ask someone for feedback.
      deliverable: The project, with a README that explains how to run it.

takeaway:
  text: Learn the fundamentals first, build something small every month, and ask for feedback early.
`;
}

/**
 * `labels/<locale>.yaml` from the shipped file's text: partial on purpose. One key is set (a
 * label file must be a mapping); every other line is commented out, so the file lists every
 * key and its {placeholders} to edit, while what stays commented keeps following the shipped
 * labels of the installed version, key by key.
 */
export function starterLabels(shippedText: string, locale: string): string {
  const body = shippedText
    .split('\n')
    .filter((line, i, lines) => !(line.startsWith('#') && lines.slice(0, i).every((l) => l.startsWith('#'))))
    .map((line) => (line === '' || line.startsWith('#') || line.startsWith(`${STARTER_LABEL_KEY}:`) ? line : `# ${line}`))
    .join('\n');
  return `# The ${locale} labels of this project (headings, table heads, "Page 1 of 9"). Partial on purpose:
# a key this file leaves out (or comments out) falls back to roadmap-press's own labels/${locale}.yaml,
# key by key. Uncomment a line to change it; a {placeholder} must stay one the key knows.
${body.replace(/\n*$/, '\n')}`;
}

/** `roadmap-press.config.yaml`: what \`build\` in this folder uses unless flags say otherwise. */
export function starterConfig(): string {
  return `# Settings for \`roadmap-press build\` run in this folder; command-line flags win over them.
# Other keys: start (YYYY-MM), roadmap, track, level, paper, reminders, templates, fonts.
name: Your Name
locale: ${STARTER_LANGUAGE}
out: out
`;
}
