import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FINANCE_SITE_MATCHES, LOCAL_TEST_ADDED_SITE, LOCAL_TEST_MATCHES } from '../../lib/permissions/finance-sites';
import { E2E_EXTENSION_DIR } from '../support/launch-extension';

/**
 * pdf.js (the PDF import's chunk and its worker) has two uses of `Function`, both behind `isEvalSupported`: a probe
 * (`try { new Function('') } catch …`) and the compilation of PostScript functions (`isEvalSupported &&
 * FeatureTest.isEvalSupported` …). We pass `isEvalSupported: false` and our CSP has no 'unsafe-eval' (the probe
 * fails), so neither runs; they are cut out before the check, which then holds for the rest of pdf.js as for our code.
 */
const withoutPdfjsEvalGates = (code: string) =>
  code
    .replace(/try\s*\{\s*(?:return\s+)?(?:new\s+)?Function\(\s*(?:``|""|'')\s*\)/g, 'try{')
    .replace(/isEvalSupported&&\w+\.isEvalSupported\)\{[^{}]*?new Function\(/g, 'isEvalSupported){(');

/** Every file under a folder. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

/** The manifest fields these checks read (`JSON.parse` knows no types). */
interface BuiltManifest {
  content_security_policy?: unknown;
  sandbox?: unknown;
  permissions: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } };
  name: string;
  description: string;
  default_locale?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_title?: string };
  browser_action?: { default_icon?: Record<string, string>; default_title?: string };
  commands?: Record<string, { description?: string }>;
}

/** The manifest texts each locale must carry (`__MSG_…__` in the manifest). */
const MANIFEST_MESSAGES = ['extName', 'extDescription', 'commandOpenPopup'];

/** The manifest of a built extension folder. */
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BuiltManifest;

describe('the built extension (policy checks on .output/chrome-mv3-e2e)', () => {
  const manifest = readManifest(E2E_EXTENSION_DIR);

  test('extension pages allow no remote or inline code and no remote images; connections only for followed feeds (CSP snapshot)', () => {
    expect(manifest.content_security_policy).toEqual({
      // http(s) connections: followed feeds, each also needing its origin's optional host permission (lib/feeds).
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data: blob:; connect-src 'self' https: http:",
      // The one sandboxed page (a report with its images, on request): remote images and nothing else remote.
      sandbox:
        "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox; default-src 'none'; script-src 'self'; style-src 'self'; img-src http: https: data:",
    });
    expect(manifest.sandbox).toEqual({ pages: ['report-images.html'] });
  });

  test('least privilege: the finance sites (plus the test hosts in this build), others only on request, no tabs permission', () => {
    expect(manifest.permissions.sort()).toEqual(['alarms', 'contextMenus', 'offscreen', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual([...FINANCE_SITE_MATCHES, ...LOCAL_TEST_MATCHES, LOCAL_TEST_ADDED_SITE]);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('no file is web-accessible: pages cannot load or probe anything of ours', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  test('the Firefox build declares no data collection and asks for other sites only on request', () => {
    const firefox = readManifest(join(E2E_EXTENSION_DIR, '../firefox-mv2'));
    expect(firefox.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(firefox.optional_permissions).toEqual(['*://*/*']);
    expect(firefox.permissions.sort()).toEqual(['alarms', 'contextMenus', 'scripting', 'storage', ...FINANCE_SITE_MATCHES].sort());
    expect(firefox.web_accessible_resources).toBeUndefined();
  });

  test.each([
    ['Chrome', E2E_EXTENSION_DIR],
    ['Firefox', join(E2E_EXTENSION_DIR, '../firefox-mv2')],
  ])('%s: icons at every size, toolbar icons on and off, name/description/shortcut in en and zh_CN', (_, dir) => {
    const built = readManifest(dir);
    expect(Object.keys(built.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    const action = built.action ?? built.browser_action;
    expect(action?.default_title).toBe('__MSG_extName__');
    const icons = [...Object.values(built.icons ?? {}), ...Object.values(action?.default_icon ?? {}), 'icon-off/16.png', 'icon-off/32.png'];
    expect(icons.filter((icon) => !existsSync(join(dir, icon)))).toEqual([]);
    expect([built.name, built.description, ...Object.values(built.commands ?? {}).map((command) => command.description)]).toEqual([
      '__MSG_extName__',
      '__MSG_extDescription__',
      '__MSG_commandOpenPopup__',
    ]);
    expect(built.default_locale).toBe('en');
    for (const locale of ['en', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(join(dir, '_locales', locale, 'messages.json'), 'utf8')) as Record<
        string,
        { message: string }
      >;
      expect(Object.keys(messages).sort()).toEqual([...MANIFEST_MESSAGES].sort());
      if (locale === 'zh_CN') for (const key of MANIFEST_MESSAGES) expect(messages[key]?.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test('no bundle evaluates strings as code or loads a remote script', () => {
    const offenders = filesUnder(E2E_EXTENSION_DIR)
      .filter((file) => /\.m?js$/.test(file))
      .flatMap((file) => {
        const code = withoutPdfjsEvalGates(readFileSync(file, 'utf8'));
        const found = [
          /(?<![\w$.])eval\(/,
          /(?<![\w$.])new Function\(/,
          /(?<![\w$.])Function\(\s*['"`]/,
          /importScripts\(/,
          /<script[^>]+src=["']?https?:/i,
        ]
          .filter((pattern) => pattern.test(code))
          .map(String);
        return found.length ? [`${file}: ${found.join(', ')}`] : [];
      });
    expect(offenders).toEqual([]);
  });
});
