import { expect, test } from 'vitest';
import { localReason, REASON_TEMPLATES } from './reason-messages';

test.each([
  ['the file is empty', '文件是空的'],
  ['the file is 25 MB; the limit is 20 MB', '文件大小为 25 MB，上限是 20 MB'],
  // A reason inside a reason is translated too.
  ['skipped: its name is an absolute path', '已跳过：文件名是绝对路径'],
  ['not read again for new names: the file has no text', '未能按新名称重新读取：文件中没有正文'],
  // The YAML library's English is left out where it gives the place.
  ['front matter is not valid YAML: Missing closing "quote at line 3, column 9:', 'front matter 不是有效的 YAML（第 3 行第 9 列）'],
  ['https://x.example/feed answers HTTP 503', 'https://x.example/feed 返回 HTTP 503'],
  // The file column's stand-in when no one file failed.
  ['(reports already in the library)', '（库中已有的研报）'],
  // A reason no template knows is shown as written, not lost.
  ['something new went wrong', 'something new went wrong'],
])('%s', (reason, zh) => {
  expect(localReason(reason, 'zh')).toBe(zh);
  expect(localReason(reason, 'en')).toBe(reason);
});

test('every template translates a reason written from it', () => {
  const shadowed = REASON_TEMPLATES.filter((template) => {
    const sample = template.replace(/\{(\w+)\}/g, 'X1');
    const own = localReason(sample, 'zh');
    return own === sample;
  });
  expect(shadowed).toEqual([]);
});
