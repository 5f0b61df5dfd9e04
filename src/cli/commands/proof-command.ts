import { basename, extname, join, resolve } from 'node:path';
import { readTextFile } from '../../node/read-text-file.js';
import { displayName, readFonts } from '../../node/read-sources.js';
import { writeFileAtomicSync } from '../../node/write-files.js';
import type { ProofArgs } from '../options.js';
import { parseFontConfig } from '../../text/config.js';
import type { CliIO } from '../run-command.js';
import { formatProofSummary, runProof } from '../../pdf/proof.js';

/** `roadmap-press proof FILE`: typeset a text file with the workbook's fonts and report coverage. */
export async function runProofCommand(args: ProofArgs, io: CliIO): Promise<number> {
  const text = await readTextFile(args.file, args.file, 'cannot read');
  const out = resolve(args.out ?? join('out', `proof-${basename(args.file, extname(args.file))}.pdf`));
  const fonts = args.fonts ? await readFonts(resolve(args.fonts)) : undefined;
  // Imported only when needed, so that reading fonts does not load HarfBuzz and PDFKit.
  const engine = fonts
    ? await (await import('../../text/engine.js')).createTextEngine({ config: parseFontConfig(fonts.config), fonts: fonts.files })
    : await (await import('../../node/load-fonts.js')).createNodeTextEngine();
  const { pdf, summary } = await runProof({ text, style: args.style, size: args.size, allowMissingGlyphs: Boolean(args.allowMissingGlyphs), engine });
  writeFileAtomicSync(out, pdf);
  io.out(formatProofSummary(summary));
  for (const w of summary.warnings) io.err(`warning: ${w}`);
  io.out(`wrote ${displayName(out)} (${(pdf.byteLength / 1024).toFixed(1)} KB)`);
  return 0;
}
