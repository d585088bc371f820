import { parseHTML } from 'linkedom';
import { html as HTML, parse, type DefaultTreeAdapterMap } from 'parse5';

type AstNode = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['document'];
type AstParent = DefaultTreeAdapterMap['parentNode'];

/**
 * Parses a saved page as a browser does and returns a DOM to read it with. The tree comes from parse5, the WHATWG
 * HTML parser (a `<script>` before `<head>`, entities such as `&amp;`, misnested and unclosed tags all end up where a
 * browser puts them; scripting on, as in a browser, so `<noscript>` is raw text); it is then built in linkedom, a
 * light DOM with the selectors, `closest` and TreeWalker the page analysis uses. linkedom's own parser (htmlparser2)
 * is not an HTML5 parser: it left the page after a `<script>` before `<head>` without a body and split text at `&amp;`.
 * jsdom parses with parse5 too, but reading its style sheets took seconds per page. No script runs, nothing is fetched.
 */
export function parsePage(html: string): Document {
  const ast = parse(html, { scriptingEnabled: true });
  const { document } = parseHTML('<!doctype html><html></html>');
  const root = document.documentElement;
  const htmlNode = ast.childNodes.find((node) => node.nodeName === 'html') as DefaultTreeAdapterMap['element'] | undefined;
  if (!htmlNode) return document;
  for (const { name, value } of htmlNode.attrs) root.setAttribute(name, value);
  // Depth-first with an explicit stack: a hostile page nested 100,000 deep must not overflow the call stack.
  const stack: [AstParent, Element][] = [[htmlNode, root]];
  while (stack.length) {
    const [from, into] = stack.pop()!;
    for (const child of from.childNodes as AstNode[]) {
      if (child.nodeName === '#text') into.appendChild(document.createTextNode((child as DefaultTreeAdapterMap['textNode']).value));
      else if (child.nodeName === '#comment')
        into.appendChild(document.createComment((child as DefaultTreeAdapterMap['commentNode']).data));
      else if ('tagName' in child) {
        const element: Element =
          child.namespaceURI !== HTML.NS.HTML
            ? document.createElementNS(child.namespaceURI, child.tagName)
            : document.createElement(child.tagName);
        for (const { name, value } of child.attrs) element.setAttribute(name, value);
        into.appendChild(element);
        // A template's content is inert, never shown: not built.
        if (child.tagName !== 'template') stack.push([child, element]);
      }
    }
  }
  return document;
}
