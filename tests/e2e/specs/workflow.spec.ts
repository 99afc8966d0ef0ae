// Tests, captured values, the answer's tools and the runner, as a person uses them, against reqlab-echo:
// checks written in the Tests tab pass and fail visibly beside the answer; a value captured from one answer
// is sent by the next request; the runner sends a folder of the library's collections once per row of a
// data file and exports its results; a JSONPath filter over the body; a diff against a History entry.
import { Page } from '@playwright/test';
import * as fs from 'fs';
import { test, expect, appUrl, openTab } from './fixtures';
import { edited, libraryStarted, openPanel } from './library';

async function setUrl(page: Page, url: string) {
  const field = page.getByLabel('URL', { exact: true });
  await field.fill(url);
}

/// Adds a check row to the Tests tab and fills it.
async function addCheck(page: Page, subject: string, operator: string, value: string) {
  const tests = await openTab(page, 'Tests');
  await tests.getByRole('button', { name: 'Add check' }).click();
  const n = await tests.locator('tr[data-row]').count();
  await tests.getByLabel(`Subject ${n}`, { exact: true }).fill(subject);
  await tests.getByLabel(`Operator ${n}`, { exact: true }).selectOption(operator);
  await tests.getByLabel(`Value ${n}`, { exact: true }).fill(value);
}

async function send(page: Page, status = '200 OK') {
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText(status);
  return response;
}

test('checks pass and fail visibly beside the answer', async ({ page }) => {
  await page.goto(appUrl());
  await setUrl(page, `${appUrl()}anything?token=abc&n=3`);
  await addCheck(page, 'status', 'equals', '200');
  await addCheck(page, '$.args.token', 'equals', 'abc');
  await addCheck(page, '$.args.n', 'one_of', '1, 2');
  await addCheck(page, 'header Content-Type', 'contains', 'json');
  // A row that cannot be read says why in the Tests tab.
  const tests = page.getByRole('tabpanel', { name: 'Tests', exact: true });
  await tests.getByLabel('Subject 4', { exact: true }).fill('$.args[');
  await expect(tests).toContainText('$.args[: at 7');
  await tests.getByLabel('Subject 4', { exact: true }).fill('header Content-Type');

  const response = await send(page);
  const results = response.getByRole('region', { name: 'Tests' });
  await expect(results).toContainText('Tests: 3 of 4 passed');
  await expect(results.getByRole('listitem').filter({ hasText: 'Failed:' })).toHaveText(
    /\$\.args\.n one of 1, 2 — got 3/,
  );
  await expect(results.getByRole('listitem').filter({ hasText: 'Passed:' })).toHaveCount(3);
  // The checks are part of the request: in the draft the library keeps and saves.
  const { request } = await edited(page);
  expect(request.checks.map((c: { key: string; value: string }) => `${c.key} ${c.value}`)).toEqual([
    'status equals 200',
    '$.args.token equals abc',
    '$.args.n one_of 1, 2',
    'header Content-Type contains json',
  ]);

  // Fixed, sent again: all pass.
  await tests.getByLabel('Value 3', { exact: true }).fill('1, 2, 3');
  await send(page);
  await expect(results).toContainText('Tests: 4 of 4 passed');

  // History keeps each send's verdict, across a reload.
  await libraryStarted(page);
  await page.reload();
  await libraryStarted(page);
  const history = await openPanel(page, 'History');
  await expect(history.getByRole('listitem').first()).toContainText('4 of 4 tests passed');
  await expect(history.getByRole('listitem').nth(1)).toContainText('3 of 4 tests passed');
});

test('a value captured from one answer is sent by the next request', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  await setUrl(page, `${appUrl()}anything?token=t-42`);
  await addCheck(page, '$.args.token', 'set', 'token');
  const response = await send(page);
  const results = response.getByRole('region', { name: 'Tests' });
  await expect(results).toContainText('{{token}} = t-42');
  await expect(results).toContainText('Captured values set in the environment');
  const { variables } = await edited(page);
  const active = variables.environments[variables.active];
  expect(active.variables).toContainEqual(expect.objectContaining({ key: 'token', value: 't-42' }));

  // The next request uses it.
  const tests = page.getByRole('tabpanel', { name: 'Tests', exact: true });
  await tests.getByRole('button', { name: 'Remove check 1' }).click();
  await setUrl(page, `${appUrl()}anything?used={{token}}`);
  await send(page);
  const echoed = JSON.parse((await response.getByLabel('Response body').textContent()) ?? '');
  expect(echoed.args.used).toBe('t-42');
});

test('the answer\'s JSONPath filter shows each result with its path', async ({ page }) => {
  await page.goto(appUrl());
  await setUrl(page, `${appUrl()}anything?a=1&b=two`);
  const response = await send(page);
  await response.getByRole('button', { name: 'Filter & compare' }).click();
  const tools = response.getByRole('region', { name: 'Filter and compare' });
  const filter = tools.getByLabel('Filter the body with JSONPath (RFC 9535)');
  await expect(filter).toBeFocused();
  await filter.fill('$.args.*');
  await expect(tools).toContainText('2 results');
  await expect(tools.locator('.node-path')).toHaveText(["$['args']['a']", "$['args']['b']"]);
  await expect(tools.locator('.jsonpath-nodes pre')).toHaveText(['"1"', '"two"']);
  await filter.fill("$.args[?@ == 'two']");
  await expect(tools).toContainText('1 result');
  await filter.fill('$.args[');
  await expect(tools).toContainText('Not a JSONPath query: at 7');
});

test('an answer compared with a History entry shows what changed, by JSON path', async ({ page }) => {
  await page.goto(appUrl());
  await libraryStarted(page);
  await setUrl(page, `${appUrl()}anything?v=1&same=x`);
  await send(page);
  await setUrl(page, `${appUrl()}anything?v=2&same=x`);
  const response = await send(page);
  await response.getByRole('button', { name: 'Filter & compare' }).click();
  const tools = response.getByRole('region', { name: 'Filter and compare' });
  const against = tools.getByLabel('Compare this answer with');
  const history = await against.locator('option', { hasText: 'History:' }).filter({ hasText: 'v=1' }).first();
  await against.selectOption({ label: (await history.textContent())! });
  await tools.getByRole('button', { name: 'Compare', exact: true }).click();
  const diff = tools.locator('#compare-result');
  await expect(diff).toContainText('History keeps no headers');
  const changed = diff.locator('ul.diff-json li');
  await expect(changed.filter({ hasText: "$['args']['v']" })).toContainText('"1" → "2"');
  await expect(changed.filter({ hasText: "$['args']['same']" })).toHaveCount(0);
});

test('the runner sends a folder once per data row and exports its results', async ({ page }) => {
  const base = appUrl();
  const collections = {
    v: 1,
    data: {
      folders: [
        {
          name: 'Flow',
          requests: [
            {
              id: 1,
              name: 'login',
              request: {
                method: 'POST',
                url: `${base}anything/login`,
                headers: [{ key: 'Content-Type', value: 'application/json' }],
                body: { mode: 'raw', language: 'json', text: '{"token": "t-{{user}}"}' },
                checks: [
                  { key: 'status', value: 'equals 200' },
                  { key: '$.json.token', value: 'set token' },
                ],
              },
            },
            {
              id: 2,
              name: 'use',
              request: {
                method: 'GET',
                url: `${base}anything/use?auth={{token}}`,
                checks: [{ key: '$.args.auth', value: 'equals t-{{user}}' }],
              },
            },
          ],
        },
        { name: 'Other', requests: [{ id: 3, name: 'x', request: { method: 'GET', url: `${base}status/500` } }] },
      ],
    },
  };
  await page.goto(appUrl());
  await page.evaluate((c) => localStorage.setItem('reqlab.collections', JSON.stringify(c)), collections);
  await page.reload();
  await libraryStarted(page);
  const tests = await openTab(page, 'Tests');
  await tests.getByRole('button', { name: 'Run a collection…' }).click();
  const runner = page.getByRole('dialog', { name: 'Run a collection' });
  await expect(runner.getByLabel('Requests', { exact: true })).toBeFocused();
  await runner.getByLabel('Requests', { exact: true }).selectOption({ label: 'Flow (2 requests)' });
  await runner.getByLabel('Data file (CSV or JSON)').setInputFiles({
    name: 'users.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('user\nada\nbob\n'),
  });
  await expect(runner).toContainText('users.csv: 2 rows, one iteration each.');
  await runner.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runner.getByRole('status')).toContainText('4 requests, 0 failed (0 not answered); 4 of 4 tests passed.');
  const rows = runner.locator('#run-results tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Flow/use');
  await expect(rows.nth(2)).toContainText('token = t-bob');

  // Each row opens its request and answer.
  await rows.nth(3).getByRole('button', { name: 'Details' }).click();
  await expect(runner.locator('#run-detail')).toContainText('$.args.auth equals t-bob');
  await expect(runner.locator('#run-detail')).toContainText('"auth": "t-bob"');

  const junit = page.waitForEvent('download');
  await runner.getByRole('button', { name: 'Export JUnit XML' }).click();
  const xml = fs.readFileSync((await (await junit).path())!, 'utf8');
  expect(xml).toContain('<testsuites name="reqlab" tests="6" failures="0" errors="0"');
  expect(xml).toContain('<testsuite name="Flow/use (iteration 2)"');
  const json = page.waitForEvent('download');
  await runner.getByRole('button', { name: 'Export JSON' }).click();
  const report = JSON.parse(fs.readFileSync((await (await json).path())!, 'utf8'));
  expect(report.steps.map((s: { path: string; iteration: number }) => `${s.iteration} ${s.path}`)).toEqual([
    '1 Flow/login',
    '1 Flow/use',
    '2 Flow/login',
    '2 Flow/use',
  ]);
  expect(report.steps[3].assertions[0]).toMatchObject({ expected: 't-bob', actual: 't-bob', passed: true });
});

test('a .http file imported into the library runs in the app', async ({ page }) => {
  const base = appUrl().replace(/\/$/, '');
  const file = [
    `@base = ${base}`,
    '',
    '### Log in',
    '# @name login',
    '# @check status equals 200',
    'POST {{base}}/anything/login',
    'Content-Type: application/json',
    '',
    '{"token": "t-{{$randomInt 10 20}}"}',
    '',
    '### Use the token',
    '# @check $.headers.Authorization matches ^Bearer t-1[0-9]$',
    'GET {{base}}/anything/me',
    'Authorization: Bearer {{login.response.body.$.json.token}}',
    '',
  ].join('\n');
  await page.goto(appUrl());
  await libraryStarted(page);
  const sidebar = page.getByRole('complementary', { name: 'Workspace' });
  const toggle = page.getByRole('button', { name: 'Workspace', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await sidebar.getByRole('tab', { name: 'Collections', exact: true }).click();
  await sidebar
    .getByLabel('Import a Postman collection, HAR log, .http file or OpenAPI description')
    .setInputFiles({ name: 'api.http', mimeType: 'text/plain', buffer: Buffer.from(file) });
  await expect(sidebar).toContainText('login');
  await expect(sidebar).toContainText('Use the token');

  const tests = await openTab(page, 'Tests');
  await tests.getByRole('button', { name: 'Run a collection…' }).click();
  const runner = page.getByRole('dialog', { name: 'Run a collection' });
  await runner.getByLabel('Requests', { exact: true }).selectOption({ index: 1 });
  await runner.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(runner.getByRole('status')).toContainText('2 requests, 0 failed (0 not answered); 2 of 2 tests passed.');
});
