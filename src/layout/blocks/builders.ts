import type { Token, Tokens } from 'marked';
import type { Frame, LayoutDoc } from '../frame.js';
import type { MeasuredLine, Row } from '../types.js';
import { blockquote } from './blockquote.js';
import { code } from './code.js';
import { heading } from './heading.js';
import { hr } from './hr.js';
import { html } from './html.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';

/** A laid-out block: its rows, the space above it, and whether it keeps the next block with it. */
export interface Block<L> {
  rows: Row<L>[];
  space: number;
  heading?: boolean;
}

/** The `marked` token of each Markdown block type the workbook lays out. */
export interface BlockTokens {
  heading: Tokens.Heading;
  paragraph: Tokens.Paragraph;
  text: Tokens.Text;
  list: Tokens.List;
  table: Tokens.Table;
  code: Tokens.Code;
  blockquote: Tokens.Blockquote;
  hr: Tokens.Hr;
  html: Tokens.HTML;
  space: Tokens.Space;
  def: Tokens.Def;
}

export type BlockType = keyof BlockTokens;

export type BlockBuilder<T> = <L extends MeasuredLine>(token: T, frame: Frame, doc: LayoutDoc<L>) => Block<L>;

const nothing: BlockBuilder<unknown> = () => ({ rows: [], space: 0 });

/** One builder per block type (in the spirit of remark-pdf's NodeBuilders). */
export const BLOCK_BUILDERS: { [K in BlockType]: BlockBuilder<BlockTokens[K]> } = {
  heading,
  paragraph,
  text: paragraph,
  list,
  table,
  code,
  blockquote,
  hr,
  html,
  space: nothing,
  def: nothing,
};

function isBlockType(type: string): type is BlockType {
  return Object.hasOwn(BLOCK_BUILDERS, type);
}

/** Lays out one block token; tokens of other types (extensions) lay out as nothing. */
export function buildBlock<L extends MeasuredLine>(token: Token, frame: Frame, doc: LayoutDoc<L>): Block<L> {
  if (!isBlockType(token.type)) return { rows: [], space: 0 };
  // marked's Token union does not narrow on `type` (Tokens.Generic has any string), and the
  // map pairs each type with its token: the builder for `token.type` takes this token.
  const build = BLOCK_BUILDERS[token.type] as BlockBuilder<Token>;
  return build(token, frame, doc);
}
