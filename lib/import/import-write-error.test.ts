import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { ImportWriteError, isQuotaExceeded } from './import-write-error';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const cyclic = () => {
  const error = new Error('loop') as Error & { cause?: unknown };
  error.cause = error;
  return error;
};

describe('isQuotaExceeded', () => {
  test.each<[string, boolean, () => unknown]>([
    ['a plain DOMException named QuotaExceededError', true, quota],
    ["Dexie's QuotaExceededError", true, () => new Dexie.QuotaExceededError('quota')],
    ["Dexie's QuotaExceededError wrapping the DOMException", true, () => new Dexie.QuotaExceededError(quota())],
    ['an AbortError with the quota error as inner', true, () => new Dexie.AbortError('aborted', quota())],
    ['a BulkError with a quota failure among others', true, () => new Dexie.BulkError('bulk', { 0: new Error('x'), 3: quota() })],
    ['an Error whose cause is the quota error', true, () => new Error('write failed', { cause: quota() })],
    ['an error whose message alone names it', true, () => new Error('QuotaExceededError')],
    ['a ConstraintError', false, () => new DOMException('exists', 'ConstraintError')],
    ['an AbortError without a reason', false, () => new Dexie.AbortError('aborted')],
    ['a BulkError of constraint failures', false, () => new Dexie.BulkError('bulk', { 0: new Dexie.ConstraintError('x') })],
    ['an error whose cause is itself', false, cyclic],
    ['a string', false, () => 'QuotaExceededError'],
    ['nothing', false, () => undefined],
  ])('%s → %s', (_name, expected, make) => {
    expect(isQuotaExceeded(make())).toBe(expected);
  });
});

describe('ImportWriteError', () => {
  test('storage full: says so, that nothing was written, what to do, with the browser’s words', () => {
    const error = new ImportWriteError(new Dexie.AbortError('Transaction aborted', quota()), [], ['a.md', 'b.md']);
    expect(error.storageFull).toBe(true);
    expect(error.message).toBe(
      'Browser storage is full: nothing from this import was written and the library is unchanged ' +
        '(AbortError: Transaction aborted QuotaExceededError: The quota has been exceeded.). Free disk space or delete reports you no longer need, then import again.',
    );
    expect(error.unwritten).toEqual(['a.md', 'b.md']);
    expect(error.cause).toBeInstanceOf(Dexie.AbortError);
  });

  test('a DOMException without a message is named by its name', () => {
    expect(new ImportWriteError(new DOMException(undefined, 'QuotaExceededError'), [], []).message).toContain(
      'unchanged (QuotaExceededError).',
    );
  });

  test('any other failure: the library could not be written, with the reason', () => {
    const failed = [{ file: 'photo.png', reason: 'not a report file' }];
    const error = new ImportWriteError(new DOMException('Internal error.', 'UnknownError'), failed, ['a.md']);
    expect(error.storageFull).toBe(false);
    expect(error.message).toBe(
      'The library could not be written: nothing from this import was written and the library is unchanged (UnknownError: Internal error.).',
    );
    expect(error.failed).toBe(failed);
  });

  test('a message that already starts with the name is not repeated; a thrown string is kept', () => {
    expect(new ImportWriteError(new Error('Error: disk gone'), [], []).message).toContain('(Error: disk gone)');
    expect(new ImportWriteError('disk gone', [], []).message).toContain('(disk gone)');
  });
});
