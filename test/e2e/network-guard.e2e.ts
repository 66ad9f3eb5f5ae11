/**
 * The request guard every e2e session runs under (fixtures/app.ts) must itself be able to
 * fail: a request to another host is recorded as leaving and is blocked, never sent.
 */
import { expect, guard, isLocal, NetworkLog, test } from './fixtures/app.ts';

test.describe('the request guard', () => {
  test.skip(({ appHost }) => appHost !== 'board', 'checks the guard itself, the same for both hosts: once is enough');

  test('tells 127.0.0.1 and the app\'s own origins from everything else', () => {
    const local = ['http://127.0.0.1:6006/', 'ws://127.0.0.1:1/x', 'keisan://app/index.html', 'data:,', 'blob:http://127.0.0.1:1/abc', 'about:blank'];
    const outside = ['http://192.0.2.1/', 'https://127.0.0.1.example.com/', 'http://[::2]/', 'keisan://elsewhere/', 'https://fonts.gstatic.com/x.woff2', 'file:///etc/passwd', 'not a url'];
    expect(local.filter((u) => !isLocal(u))).toEqual([]);
    expect(outside.filter((u) => isLocal(u))).toEqual([]);
  });

  test('records and blocks a page request to another host', async ({ browser }) => {
    const context = await browser.newContext();
    const log = new NetworkLog();
    await guard(context, log);
    const page = await context.newPage();
    // 192.0.2.0/24 is TEST-NET-1: reserved for documentation, never routed.
    await expect(page.goto('http://192.0.2.1/')).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    expect(log.outside).toEqual(['http://192.0.2.1/']);
    await context.close();
  });
});
