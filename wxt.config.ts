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
    // Name, description and the shortcut's text in the browser's language (public/_locales: en, zh_CN).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // scripting: the content script on the sites the user adds (registered at run time, each needing its grant).
    // alarms: polling followed feeds; offscreen (Chrome): a document to read their HTML in (the worker has no DOM).
    permissions: ['contextMenus', 'storage', 'scripting', 'alarms', ...(manifestVersion === 3 ? ['offscreen'] : [])],
    // Every other site only by the user's grant, one site at a time (MV2 lists optional hosts with the permissions).
    ...(manifestVersion === 3 ? { optional_host_permissions: ['*://*/*'] } : { optional_permissions: ['*://*/*'] }),
    // A keyboard shortcut opens the popup (MV2 names the command after the browser action).
    commands: {
      [manifestVersion === 3 ? '_execute_action' : '_execute_browser_action']: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    host_permissions: mode === 'e2e' ? [...FINANCE_SITE_MATCHES, ...LOCAL_TEST_MATCHES, LOCAL_TEST_ADDED_SITE] : [...FINANCE_SITE_MATCHES],
    content_security_policy: {
      // connect-src: followed feeds (any origin the user subscribes to; each request also needs that origin's
      // optional host permission, and lib/feeds sends none elsewhere). No remote script, image or frame.
      extension_pages: "script-src 'self'; object-src 'self'; img-src 'self' data: blob:; connect-src 'self' https: http:",
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
      // Firefox for Android reads data_collection_permissions from 142.
      gecko_android: { strict_min_version: '142.0' },
    },
  }),
  hooks: {
    // pdf.js's worker, CMaps and standard fonts, shipped as extension files (PDF import reads nothing remote).
    'build:publicAssets': (_wxt, files) => void files.push(...pdfjsExtensionFiles()),
    'build:manifestGenerated': (wxt, manifest) => {
      // The toolbar button's icon (public/icon, rendered from assets/icon.svg; the worker swaps in public/icon-off on a
      // tab whose site the user switched off) and its localised title. Set here because WXT takes the popup's <title>.
      const action = (manifest.action ?? manifest.browser_action) as object | undefined; // MV2 key typed loosely
      if (action) Object.assign(action, { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } });
      if (wxt.config.mode !== 'e2e') return;
      for (const script of manifest.content_scripts ?? []) script.matches = [...(script.matches ?? []), ...LOCAL_TEST_MATCHES];
      for (const resource of manifest.web_accessible_resources ?? []) {
        if (typeof resource === 'object' && 'matches' in resource) resource.matches = [...(resource.matches ?? []), ...LOCAL_TEST_MATCHES];
      }
    },
  },
});
