import { expect, test } from 'vitest';
import { pdfLineId, pdfReaderHtml } from './pdf-reader-html';
import { PDF_PAGE_BREAK } from './pdf-text-format';

const labels = {
  page: (page: number) => `Page ${page}`,
  setAside: (furniture: number, page?: number) => `${furniture} set aside, disclaimer from ${page}`,
};

test('pages, headings and lines with their ids; text escaped; furniture left out with a note', () => {
  const text =
    ['Broker | Research', '# Title <b>', '评级：买入 & more', 'Broker | Research'].join('\n') +
    PDF_PAGE_BREAK +
    ['Broker | Research', '## Risks', 'Demand', 'Broker | Research'].join('\n');
  const html = pdfReaderHtml(text, labels);
  expect(html).toContain('<h4 class="rl-pdf-page-number">Page 1</h4>');
  expect(html).toContain(`<h2 id="${pdfLineId(1, 2)}">Title &#60;b&#62;</h2>`);
  expect(html).toContain(`<p id="pdf-p1-l3">评级：买入 &#38; more</p>`);
  expect(html).toContain('<h3 id="pdf-p2-l2">Risks</h3>');
  expect(html).not.toContain('Broker | Research');
  expect(html).toContain('4 set aside, disclaimer from undefined');
});
