import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One piece of text as a printed page places it: its words, size in points, and where it stands. */
export type PrintedText = { text: string; points: number; top: number };

/** One printed page: its texts, and how far down the page they reach (0 empty, 1 full). */
export type PrintedPage = { texts: PrintedText[]; filled: number };

/**
 * The pages of a PDF as a reader holds them: every piece of text with its size in points, and
 * how far down each page its text runs. Read with pdf.js, so a test measures the paper itself,
 * not the page it was printed from.
 */
export async function printedPages(pdf: Uint8Array): Promise<PrintedPage[]> {
  const document = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false })
    .promise;
  const pages: PrintedPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [, bottom, , top] = page.view as [number, number, number, number];
    const height = top - bottom;
    const content = await page.getTextContent();
    const texts: PrintedText[] = [];
    let lowest = top;
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , c = 0, d = 0, , y = top] = item.transform as number[];
      const points = Math.hypot(c, d);
      texts.push({ text: item.str, points, top: (top - y) / height });
      lowest = Math.min(lowest, y);
    }
    pages.push({ texts, filled: texts.length === 0 ? 0 : (top - lowest) / height });
  }
  await document.destroy();
  return pages;
}
