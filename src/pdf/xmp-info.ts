/**
 * The XMP metadata packet, built by us: PDFKit 0.20.2 pastes the Info values into the XML as
 * they are, so `Tom & Jerry` made the packet malformed and `a</rdf:li><x:evil/>` added
 * elements. Every value is escaped here; the layout is PDFKit's to the byte (copied from its
 * MetadataMixin._addInfo), so a title without `&`, `<` or `>` gives the same PDF as before.
 */
import { replaceXmpInfo } from './pdfkit-internals.js';

export interface XmpInfo {
  CreationDate: Date;
  Creator?: string | undefined;
  Title?: string | undefined;
  Author?: string | undefined;
  Subject?: string | undefined;
  Producer?: string | undefined;
  Keywords?: string | undefined;
}

/** Text for XML element content: the three markup characters escaped, and the characters XML
 * 1.0 forbids even escaped (C0 controls but tab and newlines, lone surrogates, U+FFFE/FFFF)
 * replaced, so the packet always parses. */
export function xmlText(value: unknown): string {
  return String(value)
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** Appends the Info values to the packet as PDFKit's `_addInfo` does, each escaped. */
export function appendXmpInfo(append: (xml: string, newline?: boolean) => void, info: XmpInfo): void {
  const xml = xmlText;
  append(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:CreateDate>${info.CreationDate.toISOString().split('.')[0] + 'Z'}</xmp:CreateDate>
            <xmp:CreatorTool>${xml(info.Creator)}</xmp:CreatorTool>
        </rdf:Description>
        `);
  if (info.Title || info.Author || info.Subject) {
    append(`
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            `);
    if (info.Title) {
      append(`
                <dc:title>
                    <rdf:Alt>
                        <rdf:li xml:lang="x-default">${xml(info.Title)}</rdf:li>
                    </rdf:Alt>
                </dc:title>
                `);
    }
    if (info.Author) {
      append(`
                <dc:creator>
                    <rdf:Seq>
                        <rdf:li>${xml(info.Author)}</rdf:li>
                    </rdf:Seq>
                </dc:creator>
                `);
    }
    if (info.Subject) {
      append(`
                <dc:description>
                    <rdf:Alt>
                        <rdf:li xml:lang="x-default">${xml(info.Subject)}</rdf:li>
                    </rdf:Alt>
                </dc:description>
                `);
    }
    append(`
            </rdf:Description>
            `);
  }
  append(`
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Producer>${xml(info.Producer)}</pdf:Producer>`, false);
  if (info.Keywords) {
    append(`
            <pdf:Keywords>${xml(info.Keywords)}</pdf:Keywords>`, false);
  }
  append(`
        </rdf:Description>
        `);
}

/** Makes `doc` write its XMP Info through `appendXmpInfo` instead of PDFKit's unescaped one. */
export function escapeXmpInfo(doc: PDFKit.PDFDocument): void {
  replaceXmpInfo(doc, appendXmpInfo);
}
