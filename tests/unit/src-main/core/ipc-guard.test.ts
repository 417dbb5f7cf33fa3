import { describe, expect, it } from 'vitest';
import { isAppFrame } from '../../../../src-main/core/ipc-guard';

const APP = 'app://console';

describe('isAppFrame', () => {
  it('accepts pages of the app origin only', () => {
    expect(isAppFrame('app://console/index.html#/chats', APP)).toBe(true);
    expect(isAppFrame('app://evil/index.html', APP)).toBe(false);
    expect(isAppFrame('https://console/index.html', APP)).toBe(false);
    expect(isAppFrame('file:///tmp/index.html', APP)).toBe(false);
    expect(isAppFrame('app://user:pw@console/index.html', APP)).toBe(false);
    expect(isAppFrame('', APP)).toBe(false);
    expect(isAppFrame(undefined, APP)).toBe(false);
  });
});
