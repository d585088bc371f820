import type { Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  attributes?: string[];
}

/**
 * The text inside a closed shadow root hosted by `<hostName>`, or `undefined` when no such host is in the page.
 * A closed root is invisible to page scripts and Playwright locators; the DevTools protocol pierces it.
 */
export async function closedShadowText(page: Page, hostName: string): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const host = find(root, (node) => node.nodeName.toLowerCase() === hostName);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const parts: string[] = [];
    const collect = (node: CdpNode) => {
      if (node.nodeType === 3 && node.nodeName === '#text') parts.push(node.nodeValue ?? '');
      if (node.nodeName === 'STYLE') return;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) collect(child);
    };
    collect(shadow);
    return parts.join(' ').replace(/\s+/g, ' ').trim();
  } finally {
    await cdp.detach();
  }
}

/**
 * The markup inside the closed shadow root hosted by `<hostName>` (its style element included), or `undefined`:
 * what tools that cannot pierce a closed root (axe) can then check in a page of their own.
 */
export async function closedShadowHtml(page: Page, hostName: string): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = find(root, (node) => node.nodeName.toLowerCase() === hostName)?.shadowRoots?.[0];
    if (!shadow) return undefined;
    const parts = await Promise.all(
      (shadow.children ?? []).map(async (child) => (await cdp.send('DOM.getOuterHTML', { nodeId: child.nodeId })).outerHTML),
    );
    return parts.join('\n');
  } finally {
    await cdp.detach();
  }
}

/** An attribute of the first element with `className` inside the closed shadow root hosted by `<hostName>`. */
export async function closedShadowAttribute(
  page: Page,
  hostName: string,
  className: string,
  attribute: string,
): Promise<string | undefined> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = find(root, (node) => node.nodeName.toLowerCase() === hostName)?.shadowRoots?.[0];
    const element = shadow && find(shadow, (node) => attributeOf(node, 'class')?.split(/\s+/).includes(className) ?? false);
    return element ? attributeOf(element, attribute) : undefined;
  } finally {
    await cdp.detach();
  }
}

/** CDP gives attributes as a flat [name, value, name, value…] list. */
function attributeOf(node: CdpNode, name: string): string | undefined {
  const attributes = node.attributes ?? [];
  for (let i = 0; i < attributes.length; i += 2) if (attributes[i] === name) return attributes[i + 1];
  return undefined;
}

function find(node: CdpNode, test: (node: CdpNode) => boolean): CdpNode | undefined {
  if (test(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}

/** The text of every element with `className` inside the closed shadow root hosted by `<hostName>`, in order. */
export async function closedShadowTexts(page: Page, hostName: string, className: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = find(root, (node) => node.nodeName.toLowerCase() === hostName)?.shadowRoots?.[0];
    if (!shadow) return [];
    const texts: string[] = [];
    const textOf = (node: CdpNode): string => (node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(textOf).join(''));
    const walk = (node: CdpNode) => {
      if (attributeOf(node, 'class')?.split(/\s+/).includes(className)) texts.push(textOf(node).replace(/\s+/g, ' ').trim());
      for (const child of node.children ?? []) walk(child);
    };
    walk(shadow);
    return texts;
  } finally {
    await cdp.detach();
  }
}

/** Clicks (with the mouse, as a user does) the first element with `className` inside a closed shadow root. */
export async function clickInClosedShadow(page: Page, hostName: string, className: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let centre: { x: number; y: number } | undefined;
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = find(root, (node) => node.nodeName.toLowerCase() === hostName)?.shadowRoots?.[0];
    const element = shadow && find(shadow, (node) => attributeOf(node, 'class')?.split(/\s+/).includes(className) ?? false);
    if (!element) throw new Error(`no .${className} in <${hostName}>`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: element.nodeId })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content;
    centre = { x: (x1! + x3!) / 2, y: (y1! + y3!) / 2 };
  } finally {
    await cdp.detach();
  }
  await page.mouse.click(centre.x, centre.y);
}
