// An OpenAPI description into Collections, and a newer version of it re-synced: reqlab-echo's own
// description imported from a file (a folder per tag, the servers as the active environment, each request
// answered by reqlab-echo), a request edited and saved, then a changed version imported: the status names
// the operation added, the one removed and the one changed, and the user's edit to an unchanged operation
// is still there.
import { test, expect, appUrl } from './fixtures';
import { edited, libraryStarted, openPanel } from './library';

test('an OpenAPI description imports into Collections, and a newer version re-syncs it, keeping the edits', async ({ page }) => {
  const description = await (await page.request.get(`${appUrl()}openapi.json`)).json();
  const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
  const operations = Object.values(description.paths as Record<string, object>).flatMap((item) =>
    Object.keys(item).filter((key) => methods.includes(key)),
  ).length;

  await page.goto(appUrl());
  await libraryStarted(page);
  const panel = await openPanel(page, 'Collections');
  const file = panel.getByLabel('Import a Postman collection, HAR log, .http file or OpenAPI description');
  const upload = (doc: object) =>
    file.setInputFiles({ name: 'openapi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await upload(description);
  const status = panel.getByRole('status').filter({ hasText: /Imported|Re-synced/ });
  await expect(status).toContainText(`Imported ${operations} requests from the OpenAPI description “reqlab-echo”.`, { timeout: 15_000 });
  await expect(panel.getByRole('region', { name: 'reqlab-echo / Dynamic data', exact: true })).toBeVisible();

  // The servers are the active environment: baseUrl is this reqlab-echo.
  await expect.poll(async () => (await edited(page)).variables.environments.map((e: { name: string }) => e.name)).toContain('reqlab-echo');
  const { variables } = await edited(page);
  const baseUrl = variables.environments[variables.active].variables.find((v: { key: string }) => v.key === 'baseUrl');
  expect(new URL(baseUrl.value).origin).toBe(new URL(appUrl()).origin);

  // A request opened from there sends to reqlab-echo; the user edits it and saves it in place.
  await panel.getByRole('region', { name: 'reqlab-echo / Dynamic data', exact: true }).getByRole('button', { name: 'Make a UUID', exact: true }).click();
  const url = page.getByLabel('URL', { exact: true });
  await expect(url).toHaveValue('{{baseUrl}}/uuid');
  await url.fill('{{baseUrl}}/uuid?mine=1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Response' })).toContainText('200 OK');

  // Version 2: /ip removed, an operation added, /get's parameters changed.
  const next = structuredClone(description);
  delete next.paths['/ip'];
  next.paths['/anything/v2'] = { get: { operationId: 'newInV2', summary: 'New in version 2', responses: { '200': { description: 'OK' } } } };
  next.paths['/get'].get.parameters.push({ name: 'page', in: 'query', required: true, schema: { type: 'integer' }, example: 2 });
  const folders = await openPanel(page, 'Collections');
  await folders.getByLabel('Import a Postman collection, HAR log, .http file or OpenAPI description').setInputFiles({
    name: 'openapi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)),
  });
  await expect(status).toContainText('Re-synced "reqlab-echo": 1 operation added (New in version 2), 1 removed (', { timeout: 15_000 });
  await expect(status).toContainText('1 changed (Echo a GET request)');
  await expect(status).toContainText(`; ${operations - 2} unchanged, your edits to them kept.`);

  // The edit to the unchanged operation is kept; the changed one has its new parameter.
  const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('reqlab.collections')))!);
  const requests = stored.data.folders.flatMap((f: { requests: object[] }) => f.requests);
  const named = (name: string) => requests.find((r: { name: string }) => r.name === name);
  expect(named('Make a UUID').request.url).toBe('{{baseUrl}}/uuid?mine=1');
  expect(JSON.stringify(named('Echo a GET request').request)).toContain('page');
  expect(named('New in version 2')).toBeDefined();
  expect(requests.length).toBe(operations);
});
