import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { FINANCE_SITE_MATCHES, LOCAL_TEST_MATCHES, LOCAL_TEST_ADDED_SITE } from './lib/permissions/finance-sites';
import { pdfjsExtensionFiles } from './lib/pdf/pdf-extension-files';

/**
 * `--mode e2e` builds the production extension plus host access to 127.0.0.1, where the end-to-end tests serve their
 * pages, and to localhost, which the tests add as a user-added site (already granted, so the browser asks nothing);
 * it goes to `.output/chrome-mv3-e2e`, never into a shipped zip.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ mode, manifestVersion }) => ({
    name: 'ReportLens 研报透镜',
    description: 'Your own research reports beside the market pages you read. Everything stays in your browser.',
    // scripting: the content script on the sites the user adds (registered at run time, each needing its grant).
    permissions: ['contextMenus', 'storage', 'scripting'],
    // Every other site only by the user's grant, one site at a time (MV2 lists optional hosts with the permissions).
    ...(manifestVersion === 3 ? { optional_host_permissions: ['*://*/*'] } : { optional_permissions: ['*://*/*'] }),
    // A keyboard shortcut opens the popup (MV2 names the command after the browser action).
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open ReportLens for this page',
      },
    },
    host_permissions: mode === 'e2e' ? [...FINANCE_SITE_MATCHES, ...LOCAL_TEST_MATCHES, LOCAL_TEST_ADDED_SITE] : [...FINANCE_SITE_MATCHES],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data: blob:; connect-src 'self'",
      // The sandboxed page that shows one report with its images once the user asks (unique origin, no extension
      // APIs): remote images, and nothing else remote. Firefox has no sandboxed pages: there images stay blocked.
      sandbox:
        "sandbox allow-scripts allow-popups allow-popups-to-escape-sandbox; default-src 'none'; script-src 'self'; style-src 'self'; img-src http: https: data:",
    },
    browser_specific_settings: {
      gecko: {
        id: 'reportlens@reportlens.invalid',
        // 140: data_collection_permissions and the CSS Custom Highlight API that draws the marks.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  }),
  hooks: {
    // pdf.js's worker, CMaps and standard fonts, shipped as extension files (PDF import reads nothing remote).
    'build:publicAssets': (_wxt, files) => void files.push(...pdfjsExtensionFiles()),
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...LOCAL_TEST_MATCHES];
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && 'matches' in resource) resource.matches = [...(resource.matches ?? []), ...LOCAL_TEST_MATCHES];
      }
    },
  },
});
