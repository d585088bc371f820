import { beforeEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { privateMarks, setPrivateMarks, watchPrivateMarks } from './display-settings';

beforeEach(() => fakeBrowser.reset());

test('private marks are off until the user turns them on, and back off', async () => {
  expect(await privateMarks()).toBe(false);
  await setPrivateMarks(true);
  expect(await privateMarks()).toBe(true);
  await setPrivateMarks(false);
  expect(await privateMarks()).toBe(false);
});

test('a stored value that is not `true` reads as off', async () => {
  await fakeBrowser.storage.local.set({ privateMarks: 'yes' });
  expect(await privateMarks()).toBe(false);
});

test('watchers hear private marks change until they stop watching', async () => {
  const heard: boolean[] = [];
  const stop = watchPrivateMarks((on) => heard.push(on));
  await setPrivateMarks(true);
  await setPrivateMarks(false);
  stop();
  await setPrivateMarks(true);
  expect(heard).toEqual([true, false]);
});
