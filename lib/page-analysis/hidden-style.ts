/**
 * The few computed-style properties that decide whether an element's text can be seen. In the browser this is the
 * element's `getComputedStyle`; in the CLI, the declarations of the page's own style sheets and `style` attributes
 * (see `lib/cli/declared-style.ts`), since Node has no layout.
 */
export interface StyleLike {
  display?: string;
  visibility?: string;
  opacity?: string;
  contentVisibility?: string;
  position?: string;
  left?: string;
  top?: string;
  textIndent?: string;
  clip?: string;
  clipPath?: string;
  width?: string;
  height?: string;
  overflow?: string;
}

/** The style properties {@link textIsHidden} reads, for callers that copy declarations out of style sheets. */
export const STYLE_PROPERTIES = [
  'display',
  'visibility',
  'opacity',
  'contentVisibility',
  'position',
  'left',
  'top',
  'textIndent',
  'clip',
  'clipPath',
  'width',
  'height',
  'overflow',
] as const satisfies readonly (keyof StyleLike)[];

/**
 * Pushed this far off the page, a box is the "visually hidden" pattern (`left: -9999px`, `text-indent: -9999px`),
 * not layout: no real layout places text a thousand pixels left of or above the page.
 */
const OFF_SCREEN_PX = -999;
/** At most this big with its overflow clipped, a box is the screen-reader-only pattern (`width: 1px; height: 1px`). */
const TINY_BOX_PX = 1;

const px = (value: string | undefined) => (value ? Number.parseFloat(value) : Number.NaN);
const isPositioned = (style: StyleLike) => style.position === 'absolute' || style.position === 'fixed';
/** `rect(0 0 0 0)`, `rect(1px, 1px, 1px, 1px)`: every edge at most a pixel. */
const clipsAll = (clip: string | undefined) => {
  const edges = /^rect\(([^)]*)\)$/
    .exec(clip?.trim() ?? '')?.[1]
    ?.split(/[\s,]+/)
    .filter(Boolean);
  return edges?.length === 4 && edges.every((edge) => Math.abs(px(edge)) <= TINY_BOX_PX);
};
/** `inset(50%)` or more from every side leaves nothing. */
const clipPathHidesAll = (clipPath: string | undefined) => {
  const inset = /^inset\(\s*(\d+(?:\.\d+)?)%\s*\)$/.exec(clipPath?.trim() ?? '');
  return inset !== null && Number(inset[1]) >= 50;
};

const hidesByVisibility = (style: StyleLike) => style.visibility === 'hidden' || style.visibility === 'collapse';

/**
 * Whether an element with this style shows no text to a reader: not rendered, invisible, transparent, pushed off the
 * page or clipped to nothing (the visually-hidden patterns sites use for skip links and screen-reader labels).
 * Applied to every element above a text node, so a hidden ancestor hides everything inside it. `visibility` is
 * inherited: it counts only where it starts (`parent`'s style is not hidden), so text under a body hidden while the
 * page loads (which the reader never judges) is not taken for hidden text.
 */
export function textIsHidden(style: StyleLike, parent?: StyleLike): boolean {
  if (style.display === 'none' || (hidesByVisibility(style) && !(parent && hidesByVisibility(parent)))) return true;
  if (style.contentVisibility === 'hidden' || (style.opacity !== undefined && style.opacity !== '' && px(style.opacity) === 0)) return true;
  if (px(style.textIndent) <= OFF_SCREEN_PX) return true;
  if (!isPositioned(style)) return false;
  if (px(style.left) <= OFF_SCREEN_PX || px(style.top) <= OFF_SCREEN_PX) return true;
  if (clipsAll(style.clip) || clipPathHidesAll(style.clipPath)) return true;
  return style.overflow === 'hidden' && px(style.width) <= TINY_BOX_PX && px(style.height) <= TINY_BOX_PX;
}
