import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FINANCE_SITE_MATCHES, LOCAL_TEST_MATCHES } from '../../lib/permissions/finance-sites';
import { E2E_EXTENSION_DIR } from '../support/launch-extension';

/** Every file under a folder. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

describe('the built extension (policy checks on .output/chrome-mv3-e2e)', () => {
  const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8'));

  test('extension pages allow no remote or inline code, no remote images and no remote connections (CSP snapshot)', () => {
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data: blob:; connect-src 'self'",
    });
  });

  test('least privilege: the finance sites (plus 127.0.0.1 in this test build), no <all_urls>, no tabs permission', () => {
    expect(manifest.permissions.sort()).toEqual(['contextMenus', 'storage']);
    expect(manifest.host_permissions).toEqual([...FINANCE_SITE_MATCHES, ...LOCAL_TEST_MATCHES]);
    expect(JSON.stringify(manifest)).not.toContain('<all_urls>');
    expect(manifest.externally_connectable).toBeUndefined();
  });

  test('no bundle evaluates strings as code or loads a remote script', () => {
    const offenders = filesUnder(E2E_EXTENSION_DIR)
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => {
        const code = readFileSync(file, 'utf8');
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
