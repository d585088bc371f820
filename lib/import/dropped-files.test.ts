import { expect, test } from 'vitest';
import { withPath } from './dropped-files';

/** A File whose `webkitRelativePath` is read-only, as in Chromium (Node's File has no such property at all). */
class BrowserLikeFile extends File {
  override get webkitRelativePath() {
    return '';
  }
}

test('a dropped file gets its folder path without the File being written to (Chromium throws on that)', async () => {
  const file = new BrowserLikeFile(['# 研报'], 'a.md');
  expect(() => Object.assign(file, { webkitRelativePath: 'x' })).toThrow(TypeError);
  const source = withPath(file, 'posts/2025/a.md');
  expect(source).toMatchObject({ name: 'a.md', size: file.size, webkitRelativePath: 'posts/2025/a.md' });
  expect(new TextDecoder().decode(await source.arrayBuffer())).toBe('# 研报');
  expect(new TextDecoder().decode(await source.slice!(2).arrayBuffer())).toBe('研报');
  expect(file.webkitRelativePath).toBe('');
});
