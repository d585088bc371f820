/**
 * `npm start`: checks for a display first (a browser window needs one, and the build takes a while: failing after it
 * wastes the newcomer's time), then builds the extension and starts the demo browser
 * (`test/support/start-demo-browser.ts`). `npm start -- --headless` needs no display.
 */
import { spawnSync } from 'node:child_process';

const headless = process.argv.includes('--headless');
if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'npm start opens a browser window, and no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n' +
      'Run it on a desktop, or run `npm start -- --headless` to do the same steps without a window and print what was marked.',
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', '--silent', 'build:e2e'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
await import('../test/support/start-demo-browser');
