import type { ShapedGlyph } from '../text/shape.js';

/** One HarfBuzz cluster ready for the PDF writer: its glyphs, its advance and its text. */
export interface PlacedCluster {
  /** Pen position at the cluster start, relative to the piece start, font units. */
  x: number;
  /** HarfBuzz's glyphs with offsets relative to the cluster's pen start (font units, y up). */
  parts: Array<{ gid: number; dx: number; dy: number }>;
  /** Sum of the cluster's advances, font units. */
  advance: number;
  /** The source text the cluster stands for (never empty). */
  text: string;
}

/**
 * Group HarfBuzz output into clusters with their text. Clusters are monotone for LTR text at
 * HarfBuzz's default cluster level, so the next cluster value bounds this cluster's text and
 * the clusters come out in logical order. The writer turns each multi-glyph cluster into one
 * glyph that reads back as the whole cluster text, so glyph order inside a cluster (the
 * pre-base ে-sign drawn before its consonant) never reaches an extractor.
 */
export function placeClusters(text: string, glyphs: readonly ShapedGlyph[]): PlacedCluster[] {
  const out: PlacedCluster[] = [];
  let pen = 0;
  let i = 0;
  for (let first = glyphs[0]; first; first = glyphs[i]) {
    const cluster = first.cluster;
    const start = pen;
    const parts: PlacedCluster['parts'] = [];
    let g: ShapedGlyph | undefined = first;
    for (; g && g.cluster === cluster; g = glyphs[++i]) {
      parts.push({ gid: g.gid, dx: pen - start + g.dx, dy: g.dy });
      pen += g.ax;
    }
    // g is the next cluster's first glyph, or undefined after the last one.
    const next = g ? g.cluster : text.length;
    const clusterText = text.slice(cluster, next);
    if (clusterText.length === 0) {
      // Cannot happen with monotone clusters; keep the glyphs visible and the text honest by
      // merging them into the previous cluster.
      const prev = out[out.length - 1];
      if (prev) {
        for (const p of parts) prev.parts.push({ ...p, dx: p.dx + start - prev.x });
        prev.advance = pen - prev.x;
      }
    } else out.push({ x: start, parts, advance: pen - start, text: clusterText });
  }
  return out;
}
