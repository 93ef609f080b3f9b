// The emulator as Notion's official SDK sees it: every core endpoint, paging helpers and error codes.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { APIErrorCode, APIResponseError, Client, ClientErrorCode, collectPaginatedAPI, isFullPage } from "@notionhq/client";
import { startEmulator } from "./emulator.js";

const FULL_TOKEN = "demo-token-full-access";
const READ_ONLY_TOKEN = "demo-token-read-only";
const FULL_BOT = "b0b0b0b0-0000-4000-8000-000000000001";
const TEAM_HOME = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
const TASKS_DATABASE = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
const TASKS_DATA_SOURCE = "2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d";
const PRIVATE_NOTES_DATABASE = "3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7";
const PROJECTS_DATABASE = "5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9";
const FIRST_TASK = "e1000000-0000-4000-8000-000000000001";
const ADA = "c1a55e00-0000-4000-8000-000000000001";

let emulator;
const client = (options = {}) =>
  new Client({ auth: FULL_TOKEN, baseUrl: emulator.baseUrl, retry: false, logLevel: "error", ...options });

async function apiError(promise) {
  const error = await promise.then(
    () => assert.fail("expected the SDK to throw"),
    (e) => e,
  );
  assert.ok(error instanceof APIResponseError, `expected APIResponseError, got ${error}`);
  return error;
}

const title = (text) => ({ title: [{ text: { content: text } }] });

before(async () => {
  emulator = await startEmulator();
});

after(() => emulator?.stop());

beforeEach(() => emulator.admin("POST", "reset"));

describe("users", () => {
  it("retrieves the bot user behind the token", async () => {
    const me = await client().users.me({});
    assert.equal(me.id, FULL_BOT);
    assert.equal(me.type, "bot");
    assert.equal(me.bot.owner.type, "workspace");
    assert.equal(me.bot.workspace_name, "Acme Demo");
  });

  it("lists and retrieves users", async () => {
    const users = await collectPaginatedAPI(client().users.list, { page_size: 2 });
    assert.equal(users.length, 5);
    const ada = await client().users.retrieve({ user_id: ADA });
    assert.equal(ada.name, "Ada Lovelace");
    assert.equal(ada.person.email, "ada@acme.example");
  });
});

describe("search", () => {
  it("finds data sources and pages, paged by the SDK helper", async () => {
    const dataSources = await collectPaginatedAPI(client().search, { filter: { property: "object", value: "data_source" } });
    assert.deepEqual(dataSources.map((d) => d.object), ["data_source", "data_source", "data_source"]);
    const pages = await collectPaginatedAPI(client().search, {
      filter: { property: "object", value: "page" },
      page_size: 5,
    });
    assert.equal(pages.length, 17);
    assert.ok(pages.every(isFullPage));
    const tasks = await client().search({ query: "Tasks" });
    assert.equal(tasks.results[0].id, TASKS_DATA_SOURCE);
  });
});

describe("databases and data sources", () => {
  it("retrieves a database shared through its parent page, listing its data source", async () => {
    const database = await client().databases.retrieve({ database_id: TASKS_DATABASE });
    assert.deepEqual(database.data_sources, [{ id: TASKS_DATA_SOURCE, name: "Tasks" }]);
    assert.equal(database.parent.page_id, TEAM_HOME);
  });

  it("lists both data sources of a multi-source database", async () => {
    const database = await client({ auth: READ_ONLY_TOKEN }).databases.retrieve({ database_id: PROJECTS_DATABASE });
    assert.deepEqual(database.data_sources.map((d) => d.name), ["Active", "Archive"]);
  });

  it("retrieves the schema from the data source", async () => {
    const dataSource = await client().dataSources.retrieve({ data_source_id: TASKS_DATA_SOURCE });
    assert.equal(dataSource.object, "data_source");
    assert.equal(dataSource.properties.Status.type, "status");
    assert.equal(dataSource.properties.Related.type, "relation");
    assert.equal(Object.keys(dataSource.properties).length, 17);
  });

  it("queries with filters and sorts", async () => {
    const response = await client().dataSources.query({
      data_source_id: TASKS_DATA_SOURCE,
      filter: {
        and: [
          { property: "Done", checkbox: { equals: false } },
          { or: [{ property: "Priority", select: { equals: "High" } }, { property: "Estimate", number: { greater_than: 10 } }] },
        ],
      },
      sorts: [{ property: "Estimate", direction: "descending" }],
    });
    assert.deepEqual(
      response.results.map((p) => p.properties.Estimate.number),
      [13, 8, 3],
    );
  });

  it("pages through more than 250 rows", async () => {
    const database = await emulator.admin("POST", "databases", {
      title: "Big",
      sharedWith: [FULL_BOT],
      dataSources: [{ name: "Big", properties: { Name: { type: "title" }, N: { type: "number" } } }],
    });
    const dataSourceId = database.dataSources[0];
    const rows = Array.from({ length: 260 }, (_, i) => ({ properties: { Name: `Row ${i}`, N: i } }));
    await emulator.admin("POST", `data_sources/${dataSourceId}/rows`, { rows });

    const all = await collectPaginatedAPI(client().dataSources.query, {
      data_source_id: dataSourceId,
      sorts: [{ property: "N", direction: "ascending" }],
    });
    assert.equal(all.length, 260);
    assert.deepEqual(all.map((p) => p.properties.N.number), rows.map((_, i) => i));
  });
});

describe("pages", () => {
  it("creates, retrieves, updates and trashes a row", async () => {
    const notion = client();
    const created = await notion.pages.create({
      parent: { type: "data_source_id", data_source_id: TASKS_DATA_SOURCE },
      properties: {
        Name: title("From the SDK"),
        Status: { status: { name: "In progress" } },
        Estimate: { number: 2 },
        Owner: { people: [{ id: ADA }] },
      },
    });
    assert.equal(created.properties.Name.title[0].plain_text, "From the SDK");

    const fetched = await notion.pages.retrieve({ page_id: created.id });
    assert.equal(fetched.properties.Owner.people[0].name, "Ada Lovelace");

    const updated = await notion.pages.update({ page_id: created.id, properties: { Estimate: { number: 5 } } });
    assert.equal(updated.properties.Estimate.number, 5);

    const trashed = await notion.pages.update({ page_id: created.id, in_trash: true });
    assert.equal(trashed.in_trash, true);
    assert.equal(trashed.archived, true);

    const stats = await emulator.admin("GET", "stats");
    assert.equal(stats.integrations[FULL_BOT].pagesCreated, 1);
    assert.equal(stats.integrations[FULL_BOT].pagesUpdated, 2);
  });

  it("answers in the 2026-03-11 shape when asked", async () => {
    const page = await client({ notionVersion: "2026-03-11" }).pages.retrieve({ page_id: FIRST_TASK });
    assert.equal(page.in_trash, false);
    assert.equal("archived" in page, false);
  });

  it("reads more than 25 relation values through the property endpoint", async () => {
    const targets = Array.from({ length: 40 }, (_, i) => `e9000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const { ids } = await emulator.admin("POST", `data_sources/${TASKS_DATA_SOURCE}/rows`, {
      rows: [{ properties: { Name: "Linked a lot", Related: targets } }],
    });
    const notion = client();
    const page = await notion.pages.retrieve({ page_id: ids[0] });
    assert.equal(page.properties.Related.relation.length, 25);
    assert.equal(page.properties.Related.has_more, true);

    const items = await collectPaginatedAPI(notion.pages.properties.retrieve, { page_id: ids[0], property_id: "rel", page_size: 10 });
    assert.deepEqual(items.map((item) => item.relation.id), targets);
  });
});

describe("errors as the SDK sees them", () => {
  it("object_not_found for a database that is not shared, naming the integration", async () => {
    const error = await apiError(client().databases.retrieve({ database_id: PRIVATE_NOTES_DATABASE }));
    assert.equal(error.code, APIErrorCode.ObjectNotFound);
    assert.equal(error.status, 404);
    assert.match(error.message, /shared with your integration "NotionPS Demo"/);
  });

  it("restricted_resource for a missing capability", async () => {
    const error = await apiError(
      client({ auth: READ_ONLY_TOKEN }).pages.create({
        parent: { data_source_id: TASKS_DATA_SOURCE },
        properties: { Name: title("Not allowed") },
      }),
    );
    assert.equal(error.code, APIErrorCode.RestrictedResource);
  });

  it("unauthorized for a bad token", async () => {
    const error = await apiError(client({ auth: "not-a-real-token" }).users.me({}));
    assert.equal(error.code, APIErrorCode.Unauthorized);
    assert.equal(error.message, "API token is invalid.");
  });

  it("missing_version without a Notion-Version header", async () => {
    const withoutVersion = (url, init) => {
      const headers = { ...init.headers };
      delete headers["Notion-Version"];
      return fetch(url, { ...init, headers });
    };
    // missing_version is not in the SDK's APIErrorCode list, so the SDK reports an unknown HTTP error with the body.
    const error = await client({ fetch: withoutVersion }).users.me({}).then(
      () => assert.fail("expected the SDK to throw"),
      (e) => e,
    );
    assert.equal(error.code, ClientErrorCode.ResponseError);
    assert.equal(error.status, 400);
    assert.equal(JSON.parse(error.body).code, "missing_version");
  });

  it("validation_error for a bad filter, an oversize array and a bad property value", async () => {
    const notion = client();
    const badFilter = await apiError(
      notion.dataSources.query({ data_source_id: TASKS_DATA_SOURCE, filter: { property: "Estimate", number: { greater_than: "five" } } }),
    );
    assert.equal(badFilter.code, APIErrorCode.ValidationError);

    const tooMany = await apiError(
      notion.pages.create({
        parent: { data_source_id: TASKS_DATA_SOURCE },
        properties: { Tags: { multi_select: Array.from({ length: 101 }, (_, i) => ({ name: `t${i}` })) } },
      }),
    );
    assert.equal(tooMany.code, APIErrorCode.ValidationError);

    const wrongType = await apiError(
      notion.pages.update({ page_id: FIRST_TASK, properties: { Estimate: { number: "three" } } }),
    );
    assert.equal(wrongType.code, APIErrorCode.ValidationError);
  });

  it("invalid_request_url for an unknown endpoint", async () => {
    const error = await apiError(client().request({ path: "no-such-endpoint", method: "get" }));
    assert.equal(error.code, APIErrorCode.InvalidRequestURL);
  });

  it("rate_limited with Retry-After, and the SDK's own retry gets through", async () => {
    await emulator.admin("POST", "faults", { kind: "429", count: 1 });
    const error = await apiError(client().users.me({}));
    assert.equal(error.code, APIErrorCode.RateLimited);
    assert.equal(error.headers.get("retry-after"), "0");

    await emulator.admin("POST", "faults", { kind: "429", count: 1 });
    const me = await client({ retry: { maxRetries: 2, initialRetryDelayMs: 10, maxRetryDelayMs: 50 } }).users.me({});
    assert.equal(me.id, FULL_BOT);
    const stats = await emulator.admin("GET", "stats");
    assert.equal(stats.integrations[FULL_BOT].rateLimited, 2);
  });

  it("server faults carry Notion's codes", async () => {
    for (const [kind, code] of [
      ["500", APIErrorCode.InternalServerError],
      ["503", APIErrorCode.ServiceUnavailable],
      ["504", APIErrorCode.GatewayTimeout],
      ["529", APIErrorCode.ServiceOverload],
    ]) {
      await emulator.admin("POST", "faults", { kind, count: 1 });
      const error = await apiError(client().users.me({}));
      assert.equal(error.code, code, kind);
    }
  });
});
