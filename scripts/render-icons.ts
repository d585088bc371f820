/**
 * Renders the extension's icons from `assets/icon.svg` (the one source): `public/icon/{size}.png` (the manifest,
 * toolbar and store icons; WXT finds them there) and `public/icon-off/{size}.png` (the toolbar when the user switched
 * the site off: the same drawing in greys). Run `npm run icons` after changing the SVG and commit the PNGs.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** The sizes browsers ask for: toolbar 16/32, extensions page 48, store and install 128. */
const ICON_SIZES = [16, 32, 48, 128];
/** The drawing's colours and their greys for the switched-off variant (same lightness order, so it reads the same). */
const OFF_PALETTE: Record<string, string> = {
  '#0f4c5c': '#6b7280',
  '#f8fafc': '#f3f4f6',
  '#cbd5e1': '#d1d5db',
  '#94a3b8': '#9ca3af',
  '#fde68a': '#e5e7eb',
  '#f59e0b': '#374151',
};

const root = join(import.meta.dirname, '..');
const source = readFileSync(join(root, 'assets/icon.svg'), 'utf8');
const off = Object.entries(OFF_PALETTE).reduce((svg, [colour, grey]) => svg.replaceAll(colour, grey), source);

for (const [folder, svg] of [
  ['icon', source],
  ['icon-off', off],
] as const) {
  mkdirSync(join(root, 'public', folder), { recursive: true });
  for (const size of ICON_SIZES) {
    const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
    writeFileSync(join(root, 'public', folder, `${String(size)}.png`), png);
  }
}
console.log(`icons: ${String(ICON_SIZES.length * 2)} PNGs in public/icon and public/icon-off`);
