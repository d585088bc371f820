import { describe, expect, test } from 'vitest';
import { SourceRepeats, sourceKeyOf } from './source-repeats';

const SIGN_OFF = 'B站直播每晚八点，哔哩哔哩搜索我们的频道';

describe('lines a source repeats across its reports', () => {
  test('a sign-off in every post is repeated; a line in one post is not; nothing answers before settling', () => {
    const repeats = new SourceRepeats();
    for (let i = 0; i < 10; i++) {
      repeats.record('博主', `p${i}.md`, [SIGN_OFF, `第${i}篇独有的内容，讲了很多事情`]);
      repeats.markSensitive(`p${i}.md`, i === 3 ? [SIGN_OFF] : []);
    }
    expect(repeats.isRepeated('博主', SIGN_OFF)).toBe(false);
    repeats.settle();
    expect(repeats.isRepeated('博主', SIGN_OFF)).toBe(true);
    expect(repeats.isRepeated('博主', '第3篇独有的内容，讲了很多事情')).toBe(false);
    expect(repeats.isRepeated('别的来源', SIGN_OFF)).toBe(false);
    // Only a report whose repeated line names a security (or is its summary) must be read again.
    expect(repeats.touches('p3.md')).toBe(true);
    expect(repeats.touches('p4.md')).toBe(false);
  });

  test.each([
    ['2 of 10 posts: too few', 2, 10, false],
    ['3 of 10 posts', 3, 10, true],
    ['3 of 100 posts: under a tenth', 3, 100, false],
    ['234 of 1,200 posts', 234, 1200, true],
  ])('%s', (_name, withLine, total, repeated) => {
    const repeats = new SourceRepeats();
    for (let i = 0; i < total; i++) repeats.record('s', `${i}`, i < withLine ? [SIGN_OFF] : ['其他内容其他内容']);
    repeats.settle();
    expect(repeats.isRepeated('s', SIGN_OFF)).toBe(repeated);
  });

  test('a report recorded twice counts once; a description on two posts is a tagline', () => {
    const repeats = new SourceRepeats();
    repeats.record('s', 'a', [SIGN_OFF], '今天的反弹，有持续性吗？');
    repeats.record('s', 'a', [SIGN_OFF], '今天的反弹，有持续性吗？');
    repeats.record('s', 'b', [], '今天的反弹，有持续性吗？');
    repeats.record('s', 'c', [], '本篇自己的描述');
    repeats.settle();
    expect(repeats.isRepeated('s', SIGN_OFF)).toBe(false);
    expect(repeats.isRepeatedDescription('s', '今天的反弹，有持续性吗？')).toBe(true);
    expect(repeats.isRepeatedDescription('s', '本篇自己的描述')).toBe(false);
    expect(repeats.touches('c')).toBe(false);
  });

  test.each([
    ['安信证券', 'x/y.md', '安信证券'],
    [undefined, 'gator-reports/1.md', 'gator-reports'],
    [undefined, 'loose.md', ''],
  ])('source key of %s %s', (source, file, key) => {
    expect(sourceKeyOf(source, file)).toBe(key);
  });
});
