// The emulator as Notion's official SDK sees it: every core endpoint, paging helpers and error codes.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
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
const MEETING_NOTES = "92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3";
const FIRST_TASK = "e1000000-0000-4000-8000-000000000001";
const ADA = "c1a55e00-0000-4000-8000-000000000001";
const ACTIVE_DATA_SOURCE = "6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0";
const ARCHIVE_DATA_SOURCE = "708192a3-b4c5-4fd6-a4b5-c6d7e8f9a0b1";

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
    // Relation values must name pages that exist: the targets are seeded in the same call.
    const { ids } = await emulator.admin("POST", `data_sources/${TASKS_DATA_SOURCE}/rows`, {
      rows: [...targets.map((id) => ({ id, properties: { Name: "Target" } })), { properties: { Name: "Linked a lot", Related: targets } }],
    });
    const hub = ids.at(-1);
    const notion = client();
    const page = await notion.pages.retrieve({ page_id: hub });
    assert.equal(page.properties.Related.relation.length, 25);
    assert.equal(page.properties.Related.has_more, true);

    const items = await collectPaginatedAPI(notion.pages.properties.retrieve, { page_id: hub, property_id: "rel", page_size: 10 });
    assert.deepEqual(items.map((item) => item.relation.id), targets);
  });
});

describe("where Notion's reference is exact", () => {
  const linked = (length) => ({ text: { content: "see here", link: { url: "https://example.com/" + "a".repeat(length - 20) } } });

  it("refuses a rich-text link URL over 2,000 characters with validation_error", async () => {
    const create = (length) =>
      client().pages.create({
        parent: { data_source_id: TASKS_DATA_SOURCE },
        properties: { Name: title("Linked"), Notes: { rich_text: [linked(length)] } },
      });
    const created = await create(2000);
    assert.equal(created.properties.Notes.rich_text[0].href.length, 2000);
    const error = await apiError(create(2001));
    assert.equal(error.code, APIErrorCode.ValidationError);
    assert.equal(error.message, "body failed validation: body.properties.Notes.rich_text[0].text.link.url.length should be ≤ `2000`, instead was `2001`.");
  });

  it("refuses a link that is not an http(s) URL, keeps Notion's relative page link, and answers a time zone with UTC offsets", async () => {
    const create = (properties) => client().pages.create({ parent: { data_source_id: TASKS_DATA_SOURCE }, properties: { Name: title("Fidelity"), ...properties } });
    const link = (url) => ({ Notes: { rich_text: [{ text: { content: "see", link: { url } } }] } });
    const refused = await apiError(create(link("/tmp/secret.json")));
    assert.equal(refused.code, APIErrorCode.ValidationError);
    assert.equal(refused.message, "Invalid URL for link.");
    const page = await create(link("/4d5e6f7081924ca3b1e2f3a4b5c6d7e8"));
    assert.equal(page.properties.Notes.rich_text[0].href, "/4d5e6f7081924ca3b1e2f3a4b5c6d7e8");

    const dated = await create({ Due: { date: { start: "2026-07-01T09:00:00", time_zone: "America/New_York" } } });
    assert.deepEqual(dated.properties.Due.date, { start: "2026-07-01T09:00:00.000-04:00", end: null, time_zone: null });
  });

  it("refuses a bookmark or embed URL, or a Markdown image or link, that is not an http(s) URL", async () => {
    for (const type of ["bookmark", "embed"]) {
      const error = await apiError(client().blocks.children.append({ block_id: MEETING_NOTES, children: [{ [type]: { url: "/tmp/secret.html" } }] }));
      assert.equal(error.code, APIErrorCode.ValidationError);
      assert.equal(error.message, `Invalid ${type} url.`); // the emulator's wording: Notion's is unpublished
    }

    const kept = await client().blocks.children.append({ block_id: MEETING_NOTES, children: [{ bookmark: { url: "https://example.com/a" } }] });
    assert.equal(kept.results[0].bookmark.url, "https://example.com/a");
    for (const [content, message] of [["![chart](/tmp/x.png)", "Invalid image url."], ["see [it](/tmp/x.json)", "Invalid URL for link."]]) {
      const error = await apiError(client().pages.updateMarkdown({ page_id: MEETING_NOTES, type: "insert_content", insert_content: { content } }));
      assert.equal(error.code, APIErrorCode.ValidationError);
      assert.equal(error.message, message);
    }
  });

  it("keeps every plain-text item of a title in the page object", async () => {
    const parts = Array.from({ length: 40 }, (_, i) => ({ text: { content: `part ${i} ` } }));
    const created = await client().pages.create({ parent: { data_source_id: TASKS_DATA_SOURCE }, properties: { Name: { title: parts } } });
    const page = await client().pages.retrieve({ page_id: created.id });
    assert.equal(page.properties.Name.title.length, 40);
    assert.equal(page.properties.Name.title.at(-1).plain_text, "part 39 ");
  });

  it("gives a rollup's property item as a paged list with the value in property_item.rollup", async () => {
    const first = await client().pages.properties.retrieve({ page_id: FIRST_TASK, property_id: "totl", page_size: 1 });
    assert.equal(first.object, "list");
    assert.equal(first.property_item.type, "rollup");
    assert.deepEqual(first.property_item.rollup, { type: "number", number: 14, function: "sum" });
    const related = await collectPaginatedAPI(client().pages.properties.retrieve, { page_id: FIRST_TASK, property_id: "totl", page_size: 1 });
    assert.deepEqual(
      related.map((item) => item.relation.id),
      ["e1000000-0000-4000-8000-000000000006", "e1000000-0000-4000-8000-000000000010"],
    );
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

  it("a cut answer (abort-midway) is a network failure to the SDK, not a Notion error, and the next call works", async () => {
    await emulator.admin("POST", "faults", { kind: "abort-midway", path: "/v1/users/me" });
    const error = await client({ retry: { maxRetries: 2, initialRetryDelayMs: 10, maxRetryDelayMs: 50 } }).users.me({}).then(
      () => assert.fail("expected the cut answer to fail"),
      (e) => e,
    );
    assert.ok(!(error instanceof APIResponseError), `expected a network failure, got ${error}`);
    // fetch's own words for a body that ended before its Content-Length.
    assert.match(`${error} ${error.cause ?? ""}`, /terminated.*content-length/i);
    assert.deepEqual(await emulator.admin("GET", "faults"), []);
    assert.equal((await client().users.me({})).id, FULL_BOT);
  });
});

/** A shared database with one data source of the given columns; returns the data source ID. */
async function addDataSource(properties, rows = []) {
  const database = await emulator.admin("POST", "databases", {
    title: "SDK",
    sharedWith: [FULL_BOT],
    dataSources: [{ name: "SDK", properties, rows }],
  });
  return database.dataSources[0];
}

const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("filters through the SDK", () => {
  it("answers the SDK's typed conditions, relative dates on the emulator's clock included", async () => {
    const dataSourceId = await addDataSource(
      {
        Name: { type: "title" },
        Due: { type: "date" },
        Tags: { type: "multi_select", options: [{ name: "red" }, { name: "blue" }] },
        Owner: { type: "people" },
        Score: { type: "formula" },
      },
      [
        { properties: { Name: "soon", Due: isoDay(3), Tags: ["red"], Owner: [ADA], Score: 9 } },
        { properties: { Name: "lately", Due: isoDay(-3), Tags: ["blue"], Owner: [FULL_BOT], Score: "n/a" } },
      ],
    );
    const names = async (filter) =>
      (await client().dataSources.query({ data_source_id: dataSourceId, filter })).results.map((p) => p.properties.Name.title[0].plain_text);

    assert.deepEqual(await names({ property: "Due", date: { next_week: {} } }), ["soon"]);
    assert.deepEqual(await names({ property: "Due", date: { past_week: {} } }), ["lately"]);
    assert.deepEqual(await names({ property: "Due", date: { on_or_after: "today" } }), ["soon"]);
    assert.deepEqual(await names({ property: "Tags", multi_select: { does_not_contain: "red" } }), ["lately"]);
    assert.deepEqual(await names({ property: "Owner", people: { contains: "me" } }), ["lately"]);
    assert.deepEqual(await names({ property: "Score", formula: { number: { greater_than: 5 } } }), ["soon"]);
    assert.deepEqual(
      await names({ or: [{ property: "Name", title: { starts_with: "lat" } }, { and: [{ property: "Tags", multi_select: { contains: "red" } }, { timestamp: "created_time", created_time: { is_not_empty: true } }] }] }),
      ["soon", "lately"],
    );
  });

  it("refuses a condition of the wrong type with Notion's words", async () => {
    const error = await apiError(
      client().dataSources.query({ data_source_id: TASKS_DATA_SOURCE, filter: { property: "Status", select: { equals: "Done" } } }),
    );
    assert.equal(error.code, APIErrorCode.ValidationError);
    assert.equal(error.message, "database property status does not match filter select");
  });
});

describe("the 10,000-row cap", () => {
  it("stops a query of 25,000 rows at 10,000 with request_status incomplete (query_result_limit_reached), and created_time windows read the rest", async () => {
    const start = Date.parse("2026-01-01T00:00:00Z");
    const rows = Array.from({ length: 25_000 }, (_, i) => ({
      createdTime: new Date(start + Math.floor(i / 10) * 60_000).toISOString(),
      properties: { Name: `Row ${i}` },
    }));
    const dataSourceId = await addDataSource({ Name: { type: "title" } });
    await emulator.admin("POST", `data_sources/${dataSourceId}/rows`, { rows });

    const readAll = async (filter) => {
      const pages = [];
      let cursor;
      do {
        const page = await client().dataSources.query({ data_source_id: dataSourceId, filter, start_cursor: cursor, page_size: 100 });
        pages.push(page);
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return pages;
    };

    const capped = await readAll(undefined);
    assert.equal(capped.flatMap((p) => p.results).length, 10_000);
    assert.equal(capped.at(-1).has_more, false);
    assert.deepEqual(capped.at(-1).request_status, { type: "incomplete", incomplete_reason: "query_result_limit_reached" });

    const split = new Set();
    for (let minute = 0; minute < 2_500; minute += 1_000) {
      const window = {
        and: [
          { timestamp: "created_time", created_time: { on_or_after: new Date(start + minute * 60_000).toISOString() } },
          { timestamp: "created_time", created_time: { before: new Date(start + (minute + 1_000) * 60_000).toISOString() } },
        ],
      };
      const pages = await readAll(window);
      assert.ok(pages.every((p) => p.request_status === undefined));
      for (const row of pages.flatMap((p) => p.results)) split.add(row.id);
    }
    assert.equal(split.size, 25_000);
  });
});

describe("Notion-Version 2022-06-28 through the SDK", () => {
  const old = () => client({ notionVersion: "2022-06-28" });

  it("retrieves the database with its schema and queries rows through it", async () => {
    const database = await old().databases.retrieve({ database_id: TASKS_DATABASE });
    assert.equal(database.properties.Status.type, "status");
    assert.equal(database.data_sources, undefined);

    const response = await old().request({
      path: `databases/${TASKS_DATABASE}/query`,
      method: "post",
      body: { filter: { property: "Done", checkbox: { equals: true } } },
    });
    assert.equal(response.results.length, 4);
    assert.ok(response.results.every((row) => row.parent.type === "database_id" && row.parent.database_id === TASKS_DATABASE));
  });

  it("creates a row under the database", async () => {
    const created = await old().pages.create({ parent: { database_id: TASKS_DATABASE }, properties: { Name: title("Old client") } });
    assert.deepEqual(created.parent, { type: "database_id", database_id: TASKS_DATABASE });
  });

  it("refuses a database with two data sources, listing them in additional_data", async () => {
    const error = await apiError(old().databases.retrieve({ database_id: PROJECTS_DATABASE }));
    assert.equal(error.code, APIErrorCode.ValidationError);
    assert.deepEqual(error.additional_data.child_data_source_ids, [ACTIVE_DATA_SOURCE, ARCHIVE_DATA_SOURCE]);
  });
});

describe("page content: after and position per version", () => {
  const paragraph = (text) => ({ paragraph: { rich_text: [{ text: { content: text } }] } });
  const texts = async (notion) =>
    (await collectPaginatedAPI(notion.blocks.children.list, { block_id: MEETING_NOTES })).map((b) => b.paragraph.rich_text[0].plain_text);

  it("places blocks by position under 2026-03-11 and refuses after there", async () => {
    const notion = client({ notionVersion: "2026-03-11" });
    const { results } = await notion.blocks.children.append({ block_id: MEETING_NOTES, children: [paragraph("a"), paragraph("c")] });
    assert.equal("archived" in results[0], false);
    await notion.blocks.children.append({
      block_id: MEETING_NOTES,
      children: [paragraph("b")],
      position: { type: "after_block", after_block: { id: results[0].id } },
    });
    await notion.blocks.children.append({ block_id: MEETING_NOTES, children: [paragraph("start")], position: { type: "start" } });
    assert.deepEqual(await texts(notion), ["start", "a", "b", "c"]);

    const error = await apiError(notion.blocks.children.append({ block_id: MEETING_NOTES, children: [paragraph("x")], after: results[0].id }));
    assert.equal(error.code, APIErrorCode.ValidationError);
  });

  it("still takes after under 2025-09-03", async () => {
    const notion = client();
    const { results } = await notion.blocks.children.append({ block_id: MEETING_NOTES, children: [paragraph("a"), paragraph("c")] });
    await notion.blocks.children.append({ block_id: MEETING_NOTES, children: [paragraph("b")], after: results[0].id });
    assert.deepEqual(await texts(notion), ["a", "b", "c"]);
  });
});

describe("page content: after and position at nested levels", () => {
  const paragraph = (text) => ({ paragraph: { rich_text: [{ text: { content: text } }] } });
  const texts = async (notion, block_id) =>
    (await collectPaginatedAPI(notion.blocks.children.list, { block_id })).map((b) => b[b.type].rich_text?.[0]?.plain_text ?? b.type);
  // A toggle, two columns and an original synced block, each holding "one" and "two".
  const nestedPage = async (notion) => {
    const page = await notion.pages.create({ parent: { page_id: TEAM_HOME }, properties: { title: title("Nested") } });
    const { results } = await notion.blocks.children.append({
      block_id: page.id,
      children: [
        { toggle: { rich_text: [{ text: { content: "toggle" } }], children: [paragraph("one"), paragraph("two")] } },
        { column_list: { children: [{ column: { children: [paragraph("one"), paragraph("two")] } }, { column: { children: [paragraph("right")] } }] } },
        { synced_block: { synced_from: null, children: [paragraph("one"), paragraph("two")] } },
      ],
    });
    const [toggle, columns, synced] = results;
    const [left] = (await notion.blocks.children.list({ block_id: columns.id })).results;
    return { page, toggle, columns, left, synced };
  };

  for (const version of ["2025-09-03", "2026-03-11"]) {
    it(`places blocks right after a nested block in a toggle, a column and a synced block under ${version}`, async () => {
      const notion = client({ notionVersion: version });
      const { toggle, columns, left, synced } = await nestedPage(notion);
      assert.equal(columns.has_children, true);
      assert.equal(synced.synced_block.synced_from, null);
      for (const parent of [toggle, left, synced]) {
        const [one] = (await notion.blocks.children.list({ block_id: parent.id })).results;
        assert.deepEqual(one.parent, { type: "block_id", block_id: parent.id });
        const placement = version === "2026-03-11" ? { position: { type: "after_block", after_block: { id: one.id } } } : { after: one.id };
        await notion.blocks.children.append({ block_id: parent.id, children: [paragraph("inserted")], ...placement });
        assert.deepEqual(await texts(notion, parent.id), ["one", "inserted", "two"]);
      }
    });
  }

  it("refuses an after block that is not a child of the parent, and anything but columns in a column list", async () => {
    const notion = client({ notionVersion: "2026-03-11" });
    const { page, toggle, columns, left } = await nestedPage(notion);
    const [one] = (await notion.blocks.children.list({ block_id: toggle.id })).results;
    const elsewhere = await apiError(
      notion.blocks.children.append({ block_id: page.id, children: [paragraph("x")], position: { type: "after_block", after_block: { id: one.id } } }),
    );
    assert.equal(elsewhere.status, 400);
    assert.equal(elsewhere.code, APIErrorCode.ValidationError);
    const notAColumn = await apiError(
      notion.blocks.children.append({ block_id: columns.id, children: [paragraph("x")], position: { type: "after_block", after_block: { id: left.id } } }),
    );
    assert.equal(notAColumn.code, APIErrorCode.ValidationError);
    const oneColumn = await apiError(notion.blocks.children.append({ block_id: page.id, children: [{ column_list: { children: [{ column: { children: [paragraph("x")] } }] } }] }));
    assert.equal(oneColumn.code, APIErrorCode.ValidationError);
    assert.deepEqual(await texts(notion, toggle.id), ["one", "two"]);
    assert.deepEqual(await texts(notion, columns.id), ["column", "column"]);
  });
});

describe("page content: blocks, Markdown, comments and moves", () => {
  const text = (content) => [{ text: { content } }];
  const newPage = async (notion, extra) =>
    notion.pages.create({ parent: { page_id: TEAM_HOME }, properties: { title: title("Report") }, ...extra });

  it("stores children given to pages.create and reads nested blocks, one block, updates and deletes", async () => {
    const notion = client();
    const page = await newPage(notion, {
      children: [{ toggle: { rich_text: text("outer"), children: [{ toggle: { rich_text: text("inner"), children: [{ paragraph: { rich_text: text("deep") } }] } }] } }],
    });
    const [outer] = await collectPaginatedAPI(notion.blocks.children.list, { block_id: page.id });
    assert.equal(outer.has_children, true);
    const [inner] = await collectPaginatedAPI(notion.blocks.children.list, { block_id: outer.id });
    const [deep] = await collectPaginatedAPI(notion.blocks.children.list, { block_id: inner.id });
    assert.equal(deep.paragraph.rich_text[0].plain_text, "deep");

    const updated = await notion.blocks.update({ block_id: deep.id, paragraph: { rich_text: text("changed") } });
    assert.equal(updated.paragraph.rich_text[0].plain_text, "changed");
    assert.equal((await notion.blocks.retrieve({ block_id: deep.id })).paragraph.rich_text[0].plain_text, "changed");
    assert.equal((await notion.blocks.delete({ block_id: deep.id })).in_trash, true);
    assert.equal((await notion.blocks.retrieve({ block_id: inner.id })).has_children, false);
  });

  it("takes at most 100 children in pages.create, as in an append", async () => {
    const notion = client();
    const paragraphs = (count) => Array.from({ length: count }, (_, i) => ({ paragraph: { rich_text: text(`p${i + 1}`) } }));
    const page = await newPage(notion, { children: paragraphs(100) });
    const blocks = await collectPaginatedAPI(notion.blocks.children.list, { block_id: page.id });
    assert.deepEqual([blocks.length, blocks[99].paragraph.rich_text[0].plain_text], [100, "p100"]);
    const error = await apiError(newPage(notion, { children: paragraphs(101) }));
    assert.equal(error.code, APIErrorCode.ValidationError);
  });

  it("refuses a third level of nesting in one append", async () => {
    const nested = (depth) => ({ toggle: { rich_text: text(`${depth}`), ...(depth < 4 ? { children: [nested(depth + 1)] } : {}) } });
    const error = await apiError(client().blocks.children.append({ block_id: MEETING_NOTES, children: [nested(1)] }));
    assert.equal(error.code, APIErrorCode.ValidationError);
  });

  for (const notionVersion of ["2025-09-03", "2026-03-11"]) {
    it(`writes Markdown on creation and reads and inserts it under ${notionVersion}`, async () => {
      const notion = client({ notionVersion });
      const page = await newPage(notion, { markdown: "# Title\n- **bold** item\n\t- child\n```powershell\nGet-Date\n```" });
      const read = await notion.pages.retrieveMarkdown({ page_id: page.id });
      assert.equal(read.object, "page_markdown");
      assert.equal(read.truncated, false);
      assert.equal(read.markdown, "# Title\n- **bold** item\n\t- child\n```powershell\nGet-Date\n```");

      const after = await notion.pages.updateMarkdown({ page_id: page.id, type: "insert_content", insert_content: { content: "first", position: { type: "start" } } });
      assert.ok(after.markdown.startsWith("first\n# Title"));
    });

    it(`adds, replies to and lists comments under ${notionVersion}`, async () => {
      const notion = client({ notionVersion });
      const comment = await notion.comments.create({ parent: { page_id: MEETING_NOTES }, rich_text: text("Job failed") });
      await notion.comments.create({ discussion_id: comment.discussion_id, markdown: "retried" });
      const comments = await collectPaginatedAPI(notion.comments.list, { block_id: MEETING_NOTES, page_size: 1 });
      assert.deepEqual(comments.map((c) => c.rich_text[0].plain_text), ["Job failed", "retried"]);
    });
  }

  it("answers 403 to comments without the comment capabilities", async () => {
    const error = await apiError(client({ auth: READ_ONLY_TOKEN }).comments.list({ block_id: MEETING_NOTES }));
    assert.equal(error.code, APIErrorCode.RestrictedResource);
  });

  it("moves a page under another page", async () => {
    const notion = client();
    const page = await newPage(notion, {});
    const moved = await notion.pages.move({ page_id: page.id, parent: { page_id: MEETING_NOTES } });
    assert.equal(moved.parent.page_id, MEETING_NOTES);
    const children = await collectPaginatedAPI(notion.blocks.children.list, { block_id: MEETING_NOTES });
    assert.ok(children.some((b) => b.id === page.id && b.type === "child_page"));
  });
});

describe("token kinds and Notion's two rate limits", () => {
  const ADA_PAT = "demo-token-pat-ada";
  const GRACE_PAT = "demo-token-pat-grace";
  const GRACE = "c1a55e00-0000-4000-8000-000000000002";

  it("a personal access token is its person: users.me, no users.list, what the person can see", async () => {
    const me = await client({ auth: ADA_PAT }).users.me({});
    assert.equal(me.type, "person");
    assert.equal(me.id, ADA);

    const list = await apiError(client({ auth: ADA_PAT }).users.list({}));
    assert.equal(list.code, APIErrorCode.RestrictedResource);

    // Private Notes is shared with no connection, but Grace may read it; Ada may not.
    const notes = await client({ auth: GRACE_PAT }).databases.retrieve({ database_id: PRIVATE_NOTES_DATABASE });
    assert.equal(notes.id, PRIVATE_NOTES_DATABASE);
    const hidden = await apiError(client({ auth: ADA_PAT }).databases.retrieve({ database_id: PRIVATE_NOTES_DATABASE }));
    assert.equal(hidden.code, APIErrorCode.ObjectNotFound);
  });

  it("a person with read access cannot write, and loses access when removed from the page", async () => {
    const write = await apiError(
      client({ auth: GRACE_PAT }).pages.create({ parent: { data_source_id: TASKS_DATA_SOURCE }, properties: { Name: title("No") } }),
    );
    assert.equal(write.code, APIErrorCode.RestrictedResource);
    await client({ auth: ADA_PAT }).pages.create({ parent: { data_source_id: TASKS_DATA_SOURCE }, properties: { Name: title("Yes") } });

    await emulator.admin("PUT", `permissions/${TEAM_HOME}/${GRACE}`, { level: "none" });
    const gone = await apiError(client({ auth: GRACE_PAT }).pages.retrieve({ page_id: FIRST_TASK }));
    assert.equal(gone.code, APIErrorCode.ObjectNotFound);
  });

  it("a revoked token is unauthorized", async () => {
    await emulator.admin("DELETE", "integrations/Ada's scripts");
    const error = await apiError(client({ auth: ADA_PAT }).users.me({}));
    assert.equal(error.code, APIErrorCode.Unauthorized);
  });

  it("a public connection's bot is owned by the person who installed it", async () => {
    await emulator.admin("POST", "integrations", { name: "OAuth App", token: "oauth-token", kind: "public_connection", owner: GRACE });
    const me = await client({ auth: "oauth-token" }).users.me({});
    assert.equal(me.type, "bot");
    assert.equal(me.bot.owner.type, "user");
    assert.equal(me.bot.owner.user.id, GRACE);
  });

  it("the connection's budget per minute answers public_api_request_rate_limit", async () => {
    await emulator.admin("PUT", "rate-limit", { requestsPerMinute: 2 });
    await client().users.me({});
    await client().users.me({});
    const error = await apiError(client().users.me({}));
    assert.equal(error.code, APIErrorCode.RateLimited);
    assert.equal(error.additional_data.rate_limit_reason, "public_api_request_rate_limit");
    const wait = Number(error.headers.get("retry-after"));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait} is within the 60-second window`);
  });

  it("the workspace's budget is shared by all its tokens and may ask for more than a minute", async () => {
    await emulator.admin("PUT", "rate-limit", { workspaceRequestsPerWindow: 2, workspaceWindowSeconds: 95 });
    await client().users.me({});
    await client({ auth: ADA_PAT }).users.me({});
    const error = await apiError(client({ auth: READ_ONLY_TOKEN }).users.me({}));
    assert.equal(error.code, APIErrorCode.RateLimited);
    assert.equal(error.additional_data.rate_limit_reason, "public_api_space_request_rate_limit");
    const wait = Number(error.headers.get("retry-after"));
    assert.ok(wait > 60 && wait <= 95, `Retry-After ${wait} passes a minute`);
    assert.equal(error.additional_data.retry_after, String(wait));

    const stats = await emulator.admin("GET", "stats");
    assert.equal(stats.rateLimitedByReason.public_api_space_request_rate_limit, 1);
  });

  it("an injected 529 service_overload carries Retry-After", async () => {
    await emulator.admin("POST", "faults", { kind: "529", retryAfterSeconds: 4 });
    const error = await apiError(client().users.me({}));
    assert.equal(error.code, APIErrorCode.ServiceOverload);
    assert.equal(error.headers.get("retry-after"), "4");
  });
});

describe("schema writes", () => {
  it("creates a database with its first data source and changes its schema through the data source", async () => {
    const database = await client().databases.create({
      parent: { type: "page_id", page_id: TEAM_HOME },
      title: [{ text: { content: "Assets" } }],
      initial_data_source: {
        properties: {
          Name: { title: {} },
          Kind: { select: { options: [{ name: "Laptop" }, { name: "Phone" }] } },
          Cost: { number: { format: "euro" } },
        },
      },
    });
    assert.equal(database.object, "database");
    assert.equal(database.data_sources.length, 1);
    const dataSourceId = database.data_sources[0].id;
    const row = await client().pages.create({
      parent: { data_source_id: dataSourceId },
      properties: { Name: title("ThinkPad"), Kind: { select: { name: "Laptop" } }, Cost: { number: 1200 } },
    });

    const before = await client().dataSources.retrieve({ data_source_id: dataSourceId });
    const updated = await client().dataSources.update({
      data_source_id: dataSourceId,
      title: [{ text: { content: "Hardware" } }],
      properties: {
        [before.properties.Cost.id]: { name: "Price" },
        Kind: { select: { options: [{ name: "Phone" }, { name: "Tablet" }] } },
        Serial: { rich_text: {} },
      },
    });
    assert.equal(updated.title[0].plain_text, "Hardware");
    assert.equal(updated.properties.Price.id, before.properties.Cost.id);
    assert.deepEqual(updated.properties.Kind.select.options.map((o) => o.name), ["Phone", "Tablet"]);
    assert.equal(updated.properties.Serial.type, "rich_text");

    const page = await client().pages.retrieve({ page_id: row.id });
    assert.equal(page.properties.Price.number, 1200);
    assert.equal(page.properties.Kind.select, null, "a removed option is cleared from the rows");

    const renamed = await client().databases.update({ database_id: database.id, title: [{ text: { content: "IT assets" } }] });
    assert.equal(renamed.title[0].plain_text, "IT assets");
  });

  it("adds a second data source to a database", async () => {
    const dataSource = await client().dataSources.create({
      parent: { type: "database_id", database_id: TASKS_DATABASE },
      title: [{ text: { content: "Backlog" } }],
      properties: { Task: { title: {} }, Points: { number: {} } },
    });
    assert.equal(dataSource.object, "data_source");
    assert.equal(dataSource.parent.database_id, TASKS_DATABASE);
    const database = await client().databases.retrieve({ database_id: TASKS_DATABASE });
    assert.deepEqual(database.data_sources.map((d) => d.id), [TASKS_DATA_SOURCE, dataSource.id]);
  });

  it("under 2022-06-28 the database carries its schema", async () => {
    const legacy = client({ notionVersion: "2022-06-28" });
    // The SDK's typed methods send only the 2025-09-03 fields; request() sends the older version's shape.
    const database = await legacy.request({
      path: "databases",
      method: "post",
      body: {
        parent: { type: "page_id", page_id: TEAM_HOME },
        title: [{ text: { content: "Legacy" } }],
        properties: { Name: { title: {} }, Note: { rich_text: {} } },
      },
    });
    assert.equal(database.properties.Note.type, "rich_text");
    const updated = await legacy.request({ path: `databases/${database.id}`, method: "patch", body: { properties: { Note: null } } });
    assert.equal(updated.properties.Note, undefined);
  });

  it("refuses to remove the title with a validation error", async () => {
    const error = await apiError(client().dataSources.update({ data_source_id: TASKS_DATA_SOURCE, properties: { Name: null } }));
    assert.equal(error.code, APIErrorCode.ValidationError);
  });

  it("finds rows by last_edited_time to the minute", async () => {
    await emulator.admin("PUT", "clock", { now: "2026-05-01T10:00:40Z" });
    const row = await client().pages.create({ parent: { data_source_id: TASKS_DATA_SOURCE }, properties: { Name: title("Edited at 10:00:40") } });
    assert.equal(row.last_edited_time, "2026-05-01T10:00:00.000Z");
    const found = await client().dataSources.query({
      data_source_id: TASKS_DATA_SOURCE,
      filter: { timestamp: "last_edited_time", last_edited_time: { on_or_after: "2026-05-01T10:00:00Z" } },
    });
    assert.deepEqual(found.results.map((p) => p.id), [row.id]);
  });
});

describe("file uploads through the SDK", () => {
  const MiB = 1024 * 1024;
  const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
  const download = async (url) => Buffer.from(await (await fetch(url)).arrayBuffer());

  async function filesDataSource() {
    const database = await emulator.admin("POST", "databases", {
      title: "Attachments",
      sharedWith: [FULL_BOT],
      dataSources: [{ name: "Attachments", properties: { Name: { type: "title" }, Files: { type: "files" } } }],
    });
    return database.dataSources[0];
  }

  it("uploads in one part, attaches to a files property, reads back and downloads byte-equal", async () => {
    const content = randomBytes(3 * 1024);
    const upload = await client().fileUploads.create({ filename: "report.txt", content_type: "text/plain" });
    assert.equal(upload.status, "pending");
    const sent = await client().fileUploads.send({
      file_upload_id: upload.id,
      file: { filename: "report.txt", data: new Blob([content], { type: "text/plain" }) },
    });
    assert.equal(sent.status, "uploaded");
    assert.equal(sent.content_length, content.length);

    const row = await client().pages.create({
      parent: { data_source_id: await filesDataSource() },
      properties: { Name: title("Report"), Files: { files: [{ type: "file_upload", file_upload: { id: upload.id } }] } },
    });
    const page = await client().pages.retrieve({ page_id: row.id });
    const [file] = page.properties.Files.files;
    assert.equal(file.type, "file");
    assert.equal(file.name, "report.txt");
    assert.equal(sha256(await download(file.file.url)), sha256(content));
    assert.equal((await client().fileUploads.retrieve({ file_upload_id: upload.id })).expiry_time, null);
  });

  it("uploads 45 MiB in parts, completes, attaches to a file block and downloads byte-equal", async () => {
    const content = randomBytes(45 * MiB);
    const partSize = 20 * MiB;
    const parts = Math.ceil(content.length / partSize);
    const upload = await client().fileUploads.create({ mode: "multi_part", number_of_parts: parts, filename: "backup.pdf" });
    await Promise.all(
      Array.from({ length: parts }, (_, i) =>
        client().fileUploads.send({
          file_upload_id: upload.id,
          part_number: String(i + 1),
          file: { filename: "backup.pdf", data: new Blob([content.subarray(i * partSize, (i + 1) * partSize)]) },
        }),
      ),
    );
    const completed = await client().fileUploads.complete({ file_upload_id: upload.id });
    assert.equal(completed.status, "uploaded");
    assert.equal(completed.content_length, content.length);
    assert.deepEqual(completed.number_of_parts, { total: parts, sent: parts });

    const { results } = await client().blocks.children.append({
      block_id: MEETING_NOTES,
      children: [{ type: "file", file: { type: "file_upload", file_upload: { id: upload.id } } }],
    });
    const block = await client().blocks.retrieve({ block_id: results[0].id });
    assert.equal(block.file.type, "file");
    assert.equal(block.file.name, "backup.pdf");
    assert.equal(sha256(await download(block.file.file.url)), sha256(content));
  });

  it("lists uploads by status and refuses an upload that expired on the emulator's clock", async () => {
    await emulator.admin("PUT", "clock", { now: "2025-05-01T08:00:00Z" });
    const upload = await client().fileUploads.create({ filename: "late.png" });
    await client().fileUploads.send({ file_upload_id: upload.id, file: { data: new Blob([randomBytes(64)], { type: "image/png" }) } });
    assert.deepEqual((await client().fileUploads.list({ status: "uploaded" })).results.map((u) => u.id), [upload.id]);

    await emulator.admin("PUT", "clock", { now: "2025-05-01T09:01:00Z" });
    assert.equal((await client().fileUploads.retrieve({ file_upload_id: upload.id })).status, "expired");
    assert.deepEqual((await client().fileUploads.list({ status: "expired" })).results.map((u) => u.id), [upload.id]);
    const error = await apiError(
      client().blocks.children.append({
        block_id: MEETING_NOTES,
        children: [{ type: "image", image: { type: "file_upload", file_upload: { id: upload.id } } }],
      }),
    );
    assert.equal(error.code, APIErrorCode.ValidationError);
    assert.match(error.message, /expired/);
  });

  it("a file URL expires an hour after it was issued, answering as S3 does", async () => {
    const upload = await client().fileUploads.create({ filename: "cover.png" });
    await client().fileUploads.send({ file_upload_id: upload.id, file: { data: new Blob([randomBytes(64)]) } });
    const page = await client().pages.update({ page_id: MEETING_NOTES, cover: { type: "file_upload", file_upload: { id: upload.id } } });
    assert.equal(page.cover.type, "file");
    const { now } = await emulator.admin("GET", "clock");
    await emulator.admin("PUT", "clock", { now: new Date(Date.parse(now) + 61 * 60_000).toISOString() });
    const expired = await fetch(page.cover.file.url);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /<Code>AccessDenied<\/Code>/);
  });

  it("sets a page's icon and cover as emoji, external URL and upload, removes them with null, and refuses non-emoji", async () => {
    const upload = await client().fileUploads.create({ filename: "logo.png" });
    await client().fileUploads.send({ file_upload_id: upload.id, file: { data: new Blob([randomBytes(64)]) } });
    const created = await client().pages.create({
      parent: { page_id: TEAM_HOME },
      properties: { title: title("Visuals") },
      icon: { type: "emoji", emoji: "👨‍👩‍👧‍👦" },
      cover: { type: "external", external: { url: "https://example.com/cover.jpg" } },
    });
    assert.deepEqual([created.icon, created.cover], [
      { type: "emoji", emoji: "👨‍👩‍👧‍👦" },
      { type: "external", external: { url: "https://example.com/cover.jpg" } },
    ]);

    const uploaded = await client().pages.update({ page_id: created.id, icon: { type: "file_upload", file_upload: { id: upload.id } } });
    assert.equal(uploaded.icon.type, "file");
    assert.match(uploaded.icon.file.url, /^http/);

    const removed = await client().pages.update({ page_id: created.id, icon: null, cover: null });
    assert.deepEqual([removed.icon, removed.cover], [null, null]);

    const word = await apiError(client().pages.update({ page_id: created.id, icon: { type: "emoji", emoji: "smile" } }));
    assert.equal(word.status, 400);
    assert.equal(word.code, APIErrorCode.ValidationError);
    assert.match(word.message, /body\.icon\.emoji should be an emoji/);
  });

  it("the workspace's maximum upload size is reported on the bot user", async () => {
    const me = await client().users.me({});
    assert.equal(me.bot.workspace_limits.max_file_upload_size_in_bytes, 5 * 1024 * MiB);
  });
});

describe("linked media blocks and custom emoji icons", () => {
  const ACME_ROCKET = "ce0e0000-0000-4000-8000-000000000001";

  it("appends pdf, video and audio blocks that link their file by URL, and reads them back as sent", async () => {
    const linked = (type, url) => ({ type, [type]: { type: "external", external: { url }, caption: [{ text: { content: type } }] } });
    await client().blocks.children.append({
      block_id: MEETING_NOTES,
      children: [linked("pdf", "https://files.example/q3.pdf"), linked("video", "https://media.example/demo.mp4"), linked("audio", "https://media.example/talk.mp3")],
    });

    const blocks = await collectPaginatedAPI(client().blocks.children.list, { block_id: MEETING_NOTES });
    const media = blocks.filter((block) => ["pdf", "video", "audio"].includes(block.type));
    assert.deepEqual(
      media.map((block) => [block.type, block[block.type].type, block[block.type].external.url, block[block.type].caption[0].plain_text]),
      [
        ["pdf", "external", "https://files.example/q3.pdf", "pdf"],
        ["video", "external", "https://media.example/demo.mp4", "video"],
        ["audio", "external", "https://media.example/talk.mp3", "audio"],
      ],
    );
  });

  it("sets a page icon to a custom emoji by ID, answered with its name and URL, and refuses an unknown ID", async () => {
    const page = await client().pages.update({ page_id: MEETING_NOTES, icon: { type: "custom_emoji", custom_emoji: { id: ACME_ROCKET } } });
    const expected = { type: "custom_emoji", custom_emoji: { id: ACME_ROCKET, name: "acme-rocket", url: "https://acme.example/emoji/acme-rocket.png" } };
    assert.deepEqual(page.icon, expected);
    assert.deepEqual((await client().pages.retrieve({ page_id: MEETING_NOTES })).icon, expected);

    const error = await apiError(
      client().pages.update({ page_id: MEETING_NOTES, icon: { type: "custom_emoji", custom_emoji: { id: "ce0e0000-0000-4000-8000-0000000000ff" } } }),
    );
    assert.equal(error.code, APIErrorCode.ValidationError);
  });

  it("lists the workspace's custom emojis with customEmojis.list: paged, filtered by exact name, a bad page size refused", async () => {
    const all = await collectPaginatedAPI(client().customEmojis.list, { page_size: 2 });
    assert.deepEqual(
      all.map((emoji) => emoji.name),
      ["acme-rocket", "acme-party", "shipped"],
    );
    const first = await client().customEmojis.list({ page_size: 2 });
    assert.equal(first.type, "custom_emoji");
    assert.equal(first.has_more, true);

    const named = await client().customEmojis.list({ name: "acme-rocket" });
    assert.deepEqual(named.results, [{ id: ACME_ROCKET, name: "acme-rocket", url: "https://acme.example/emoji/acme-rocket.png" }]);
    assert.deepEqual((await client().customEmojis.list({ name: "ACME-ROCKET" })).results, []);

    const error = await apiError(client().customEmojis.list({ page_size: 101 }));
    assert.equal(error.code, APIErrorCode.ValidationError);
  });
});
