import { describe, expect, it } from 'vitest';
import { loadHostConfig } from '../../../../src-main/host/config';

describe('browser mode configuration', () => {
  it('tells a server named at launch from the default one', () => {
    expect(loadHostConfig({ SWITCHBOARD_SERVER_URL: 'http://127.0.0.1:5080' })).toMatchObject({ serverUrl: 'http://127.0.0.1:5080', serverUrlGiven: true });
    expect(loadHostConfig({})).toMatchObject({ serverUrl: 'http://127.0.0.1:4080', serverUrlGiven: false });
  });
});
