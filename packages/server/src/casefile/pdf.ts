// The case file as a PDF (A4, Bengali). pdfkit lays out the page and shapes text through
// fontkit, which applies the OpenType Bengali features of Noto Sans Bengali (conjuncts such
// as ক্ষ and ন্ত্র, pre-base vowel signs as in কি and কে). That font has no Latin letters, so
// every line is split into runs: Bengali script in Noto Sans Bengali, everything else in
// Noto Sans. The fonts ship in packages/server/assets/fonts (SIL Open Font License).
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const FONT_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));
const FONTS = {
  bn: `${FONT_DIR}NotoSansBengali-Regular.ttf`,
  bnBold: `${FONT_DIR}NotoSansBengali-Bold.ttf`,
  lat: `${FONT_DIR}NotoSans-Regular.ttf`,
  latBold: `${FONT_DIR}NotoSans-Bold.ttf`,
} as const;

const BENGALI = /[\u0980-\u09FF\u200C\u200D\u0964\u0965]/;
// Characters both fonts have: they stay in the run they appear in.
const NEUTRAL = /[\s0-9.,:;()\-–/%+]/;

/** Split a line into runs of Bengali and other text. */
export function scriptRuns(text: string): { bengali: boolean; text: string }[] {
  const runs: { bengali: boolean; text: string }[] = [];
  for (const ch of text) {
    const last = runs[runs.length - 1];
    const bengali = BENGALI.test(ch) ? true : NEUTRAL.test(ch) ? (last?.bengali ?? true) : false;
    if (last && last.bengali === bengali) last.text += ch;
    else runs.push({ bengali, text: ch });
  }
  return runs;
}

type Doc = InstanceType<typeof PDFDocument>;

export interface TextOpts {
  bold?: boolean;
  size?: number;
  color?: string;
  align?: 'left' | 'center';
  indent?: number;
}

export class PdfWriter {
  readonly doc: Doc;
  constructor(info: { title: string; createdAt: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      info: { Title: info.title, Creator: 'Nalish', Producer: 'Nalish', CreationDate: info.createdAt },
      lang: 'bn-BD',
    } as PDFKit.PDFDocumentOptions);
    this.doc.registerFont('bn', FONTS.bn);
    this.doc.registerFont('bnBold', FONTS.bnBold);
    this.doc.registerFont('lat', FONTS.lat);
    this.doc.registerFont('latBold', FONTS.latBold);
  }

  /** A paragraph of mixed Bengali and Latin text. */
  text(text: string, o: TextOpts = {}): this {
    const runs = scriptRuns(text.length ? text : ' ');
    const width = this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right - (o.indent ?? 0);
    this.doc.fillColor(o.color ?? '#111111').fontSize(o.size ?? 10.5);
    const x = this.doc.page.margins.left + (o.indent ?? 0);
    runs.forEach((r, i) => {
      this.doc.font(r.bengali ? (o.bold ? 'bnBold' : 'bn') : o.bold ? 'latBold' : 'lat');
      const opts = { continued: i < runs.length - 1, width, align: o.align ?? 'left', lineGap: 2 };
      if (i === 0) this.doc.text(r.text, x, this.doc.y, opts);
      else this.doc.text(r.text, opts);
    });
    return this;
  }

  heading(text: string): this {
    this.doc.moveDown(0.6);
    if (this.doc.y > this.doc.page.height - this.doc.page.margins.bottom - 60) this.doc.addPage();
    this.text(text, { bold: true, size: 13, color: '#08513a' });
    const y = this.doc.y + 1;
    this.doc.moveTo(this.doc.page.margins.left, y).lineTo(this.doc.page.width - this.doc.page.margins.right, y).lineWidth(0.6).strokeColor('#8a959f').stroke();
    this.doc.moveDown(0.4);
    return this;
  }

  field(label: string, value: string, o: TextOpts = {}): this {
    return this.text(`${label}: ${value}`, o);
  }

  gap(lines = 0.3): this {
    this.doc.moveDown(lines);
    return this;
  }

  /** Put the footer on every page and return the finished file. */
  async finish(footer: (page: number, total: number) => string): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = 0; i < range.count; i++) {
      this.doc.switchToPage(range.start + i);
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      this.doc.y = this.doc.page.height - 40;
      this.text(footer(i + 1, range.count), { size: 8.5, color: '#4a5560', align: 'center' });
      this.doc.page.margins.bottom = bottom;
    }
    const chunks: Buffer[] = [];
    this.doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      this.doc.on('end', () => resolve());
      this.doc.on('error', reject);
    });
    this.doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
