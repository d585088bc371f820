import { readdirSync, readFileSync, statSync } from 'node:fs';
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

describe('the built extension (policy checks on .output/chrome-mv3-e2e)', () => {
  const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8'));

  test('extension pages allow no remote or inline code, no remote images and no remote connections (CSP snapshot)', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data: blob:; connect-src 'self'",
      // The one sandboxed page (a report with its images, on request): remote images and nothing else remote.
      sandbox:
        "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox; default-src 'none'; script-src 'self'; style-src 'self'; img-src http: https: data:",
    });
    expect(manifest.sandbox).toEqual({ pages: ['report-images.html'] });
  });

  test('least privilege: the finance sites (plus the test hosts in this build), others only on request, no tabs permission', () => {
    expect(manifest.permissions.sort()).toEqual(['contextMenus', 'scripting', 'storage']);
    expect(manifest.host_permissions).toEqual([...FINANCE_SITE_MATCHES, ...LOCAL_TEST_MATCHES, LOCAL_TEST_ADDED_SITE]);
    expect(manifest.optional_host_permissions).toEqual(['*://*/*']);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('no file is web-accessible: pages cannot load or probe anything of ours', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  test('the Firefox build declares no data collection and asks for other sites only on request', () => {
    const firefox = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, '../firefox-mv2/manifest.json'), 'utf8'));
    expect(firefox.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(firefox.optional_permissions).toEqual(['*://*/*']);
    expect(firefox.permissions.sort()).toEqual(['contextMenus', 'scripting', 'storage', ...FINANCE_SITE_MATCHES].sort());
    expect(firefox.web_accessible_resources).toBeUndefined();
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
