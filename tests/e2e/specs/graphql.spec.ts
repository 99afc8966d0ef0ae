// GraphQL as a person uses it, against reqlab-echo's /graphql: the schema fetched by introspection, a type
// explored, a field and an argument completed from the keyboard, a query sent with variables and its data
// shown; a query the server refuses, with the error marked where its location points; the schema kept
// for the endpoint across a reload.
import { Page } from '@playwright/test';
import { test, expect, appUrl, openTab } from './fixtures';
import { expectNoSeriousViolations } from './axe';

async function graphqlEditor(page: Page) {
  await page.goto(appUrl());
  await page.getByLabel('URL', { exact: true }).fill(`${appUrl()}graphql`);
  await page.getByLabel('Method').selectOption('POST');
  const body = await openTab(page, 'Body');
  await body.getByRole('radio', { name: 'GraphQL' }).check();
  const query = body.getByLabel('Query', { exact: true });
  await expect(query).toBeVisible();
  return { body, query };
}

test('introspect, explore, complete by keyboard, send with variables, see data', async ({ page }) => {
  const { body, query } = await graphqlEditor(page);
  await body.getByRole('button', { name: 'Fetch schema' }).click();
  await expect(body.getByText(/Schema of .*graphql: \d+ types, from introspection/)).toBeVisible();

  // Explore: search, open a type, its fields with types and descriptions; a deprecation and its reason.
  await body.getByRole('button', { name: 'Explore schema' }).click();
  const explorer = body.getByRole('region', { name: 'Schema explorer' });
  await explorer.getByLabel('Search the schema').fill('RequestInfo');
  await explorer.getByRole('button', { name: 'RequestInfo', exact: true }).first().click();
  await expect(explorer.getByRole('heading', { name: /RequestInfo/ })).toBeVisible();
  await expect(explorer).toContainText('header(name: String!): String');
  await explorer.getByRole('button', { name: 'Roots' }).click();
  await explorer.getByRole('button', { name: 'Query', exact: true }).click();
  await expect(explorer).toContainText('deprecated: Use echo.');
  await explorer.getByRole('button', { name: 'Show as SDL' }).click();
  await expect(explorer.getByLabel('SDL')).toContainText('type Query {');
  await expectNoSeriousViolations(page, 'GraphQL editor with the explorer open');

  // Complete a field and its argument from the keyboard.
  await query.click();
  await page.keyboard.type('query Echo($m: String!) { ec');
  const list = body.getByRole('listbox', { name: 'Completions' });
  await expect(list.getByRole('option').first()).toContainText('echo');
  await page.keyboard.press('Enter');
  await page.keyboard.type('(mes');
  await expect(list.getByRole('option').first()).toContainText('message');
  await page.keyboard.press('Tab');
  await page.keyboard.type('$m) }');
  await page.keyboard.press('Escape');
  await expect(query).toHaveValue('query Echo($m: String!) { echo(message: $m) }');
  await expect(body.getByRole('list').filter({ hasText: 'line' })).toHaveCount(0);

  // Variables checked against the operation, then sent: the data shows as JSON.
  const variables = body.getByLabel('Variables (JSON)');
  await variables.fill('{"m": 3}');
  await expect(body.getByText(/Variable "\$m"/)).toBeVisible();
  await variables.fill('{"m": "hi from reqlab"}');
  await expect(body.getByText('The variables fit the operation.')).toBeVisible();
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response).toContainText('200 OK');
  await expect(response.getByLabel('Response body')).toContainText('"echo": "hi from reqlab"');

  // The schema is kept for the endpoint: after a reload, completion works without fetching again.
  await page.reload();
  const again = await openTab(page, 'Body');
  await expect(again.getByText(/Schema of .*graphql: \d+ types, kept/)).toBeVisible();
});

test("the server's error is marked where its location points", async ({ page }) => {
  const { body, query } = await graphqlEditor(page);
  // No schema here: the server is the one to say what is wrong.
  await query.fill('query {\n  echo(message: "x")\n  nope\n}');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const response = page.getByRole('region', { name: 'Response' });
  await expect(response.getByLabel('Response body')).toContainText('nope');
  const problem = body.getByRole('button', { name: /Server: line 3, column 3: .*nope/ });
  await expect(problem).toBeVisible();
  await expect(body.locator('mark.server')).toHaveText('nope');
  // The problem's button puts the cursor on it.
  await problem.click();
  await expect(query).toBeFocused();
  const cursor = await query.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
  expect(cursor).toBe('query {\n  echo(message: "x")\n  '.length);
});
