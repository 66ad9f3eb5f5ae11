/**
 * A saved experiment made by real TensorFlow 1.x (the classic TensorBoard tutorial's log:
 * scopes inputs/layer1/layer2/loss/train, `loss/loss` × 20), opened in the app: the
 * scalars show every point and download as the event file holds them, and the graph
 * finds a node by search and by clicking down through a scope's children.
 *
 * What the app shows is compared with what the event file's bytes say, read by
 * fixtures/tfevents-walk.ts (not by the app's own reader).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type AppSession, boardError, electronSkip, expect, openApp, test } from './fixtures/app.ts';
import { EXPERIMENT, REAL_EVENTS } from './fixtures/paths.ts';
import { walkRun, type WalkedEvents } from './fixtures/tfevents-walk.ts';
import { childNames, topLevel } from './fixtures/scopes.ts';

const source = path.join(REAL_EVENTS, EXPERIMENT);
const present = fs.existsSync(source);
const events: WalkedEvents | null = present
  ? walkRun(fs.readdirSync(source).filter((n) => n.includes('tfevents')).sort().map((n) => new Uint8Array(fs.readFileSync(path.join(source, n)))))
  : null;

test.describe(`saved TF1 experiment ${EXPERIMENT}`, () => {
  test.skip(!present, `the saved experiments are missing: ${source} does not exist`);
  test.skip(({ appHost }) => appHost === 'electron' && electronSkip !== null, electronSkip ?? '');

  let app: AppSession;
  const runItem = () => app.page.locator(`[data-testid="run-item"][data-run="${EXPERIMENT}"]`);

  test.beforeAll(async ({ appHost, browser }) => {
    const err = boardError('experiment');
    if (appHost === 'board' && err !== null) throw new Error(err);
    app = await openApp(appHost, browser, 'experiment');
    if (appHost === 'electron') {
      // The desktop host opens what the user picks: here, the experiment from the recent projects.
      await app.page.getByTestId('project-recent').selectOption(fs.realpathSync(process.env['KEISAN_E2E_EXPERIMENTS_DIR']!));
    }
    await expect(runItem()).toBeVisible({ timeout: 30_000 });
  });
  test.afterEach(() => {
    expect(app?.network.outside ?? [], 'requests that would have left 127.0.0.1').toEqual([]);
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('lists the run, and every request so far stayed on 127.0.0.1', async () => {
    await app.screenshot('runs');
    expect(app.network.urls.length, 'the request log is live').toBeGreaterThan(0);
    expect(app.network.outside).toEqual([]);
  });

  test('scalars: one card per scalar tag, showing every point of the event file', async () => {
    const { page } = app;
    await page.getByTestId('tab-scalars').click();
    const expected = [...events!.scalars].map(([tag, points]) => [tag, String(points.length)]);
    expect(expected.length, 'the experiment has scalar tags').toBeGreaterThan(0);
    const cards = page.getByTestId('scalar-card');
    await expect(cards).toHaveCount(expected.length);
    for (const [tag, count] of expected) {
      await expect(page.locator(`[data-testid="scalar-card"][data-tag="${tag}"]`)).toHaveAttribute('data-points', count!);
    }
    await app.screenshot('scalars');
  });

  test('scalars: the CSV download holds the event file\'s rows', async () => {
    const { page } = app;
    await page.getByTestId('tab-scalars').click();
    const [tag, points] = [...events!.scalars][0]!;
    const card = page.locator(`[data-testid="scalar-card"][data-tag="${tag}"]`);
    const { name, text } = await app.download(card.getByTestId('download-csv'));
    expect(name).toMatch(/\.csv$/);
    // TensorBoard's own download format: Python's csv.writer, CRLF after every row.
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = text.trimEnd().split('\r\n');
    expect(header).toBe('Wall time,Step,Value');
    // Numbers compared exactly: a CSV must round-trip the float32 values and float64 wall times.
    expect(rows.map((r) => r.split(',').map(Number))).toEqual(points.map((p) => [p.wallTime, p.step, p.value]));
  });

  test('graph: opens collapsed to the top-level scopes', async () => {
    const { page } = app;
    const started = Date.now();
    await page.getByTestId('tab-graph').click();
    const graph = page.getByTestId('graph');
    await expect(graph).toHaveAttribute('data-visible-nodes', String(topLevel(events!.graphNodes).length), { timeout: 20_000 });
    test.info().annotations.push({ type: 'top level shown after', description: `${Date.now() - started} ms` });
    await expect(graph).toHaveAttribute('data-expanded', '');
    await app.screenshot('graph-top');
  });

  test('graph: search finds a node, expands its scopes and shows its name and op', async () => {
    const { page } = app;
    await page.getByTestId('tab-graph').click();
    // `Relu` is a whole segment only of layer1/Relu; gradient nodes (…/Relu_grad/ReluGrad) match in part and rank after it.
    const target = events!.graphNodes.find((n) => n.name === 'layer1/Relu')!;
    expect(target, 'the experiment has layer1/Relu').toBeDefined();
    await page.getByTestId('graph-search').fill('Relu');
    await page.getByTestId('graph-search').press('Enter');
    await expect(page.getByTestId('node-name')).toHaveText(target.name);
    await expect(page.getByTestId('node-op')).toHaveText(target.op);
    await expect(page.getByTestId('graph')).toHaveAttribute('data-expanded', /(^|,)layer1(,|$)/);
    await app.screenshot('graph-search');
  });

  test('graph: from the top level, the info panel\'s children lead down to an op', async () => {
    const { page } = app;
    // Start afresh: with nothing selected the info panel lists the top level.
    await page.reload();
    await page.getByTestId('tab-graph').click();
    const items = page.getByTestId('node-info').getByTestId('node-children').locator('li');
    let scope = '';
    for (const child of ['layer2', 'Wx_plus_b', 'Add']) {
      const expected = (scope === '' ? topLevel(events!.graphNodes) : childNames(events!.graphNodes, scope)).sort();
      await expect.poll(async () => (await items.allTextContents()).map((t) => t.trim()).sort(), { message: `children of ${scope || 'the top level'}` })
        .toEqual(expected);
      await items.filter({ hasText: new RegExp(`^\\s*${child}\\s*$`) }).click();
      scope = scope === '' ? child : `${scope}/${child}`;
      await expect(page.getByTestId('node-name')).toHaveText(scope);
    }
    await expect(page.getByTestId('node-op')).toHaveText(events!.graphNodes.find((n) => n.name === scope)!.op);
    await app.screenshot('graph-children');
  });
});
