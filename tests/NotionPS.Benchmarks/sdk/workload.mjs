// The @notionhq/client side of the NotionPS benchmark. One workload per process (so memory is this
// workload's alone), written the way an SDK user would: the Client with its defaults, pages of 100,
// one create per row. Prints one line: RESULT {"elapsedMs", "cpuMs", "peakBytes", "rows", "failed", ...}.
//
//   node workload.mjs read  <baseUrl> <token> <dataSourceId>
//   node workload.mjs write <baseUrl> <token> <dataSourceId> <rows> <namePrefix> [workers]
//   node workload.mjs import <baseUrl> <token>
//   node workload.mjs blocks <baseUrl> <token> <parentPageId> <blocks>
//   node workload.mjs upload <baseUrl> <token> <filePath>
import { openAsBlob } from "node:fs";
import { basename } from "node:path";
import { performance } from "node:perf_hooks";

const [kind, baseUrl, token, dataSourceId, rowCount, namePrefix, workerCount] = process.argv.slice(2);

const started = performance.now();
const { Client } = await import("@notionhq/client");
const importMs = performance.now() - started;
const notion = new Client({ auth: token, baseUrl, logLevel: "error" });

// CPU time of the workload alone, as the .NET side measures it.
const cpuAtStart = process.cpuUsage();
const workloads = { read, write, blocks, upload, import: firstCall };
const result = await workloads[kind]();
const cpu = process.cpuUsage(cpuAtStart);
console.log("RESULT " + JSON.stringify({
  ...result,
  cpuMs: (cpu.user + cpu.system) / 1000,
  peakBytes: process.resourceUsage().maxRSS * 1024,
}));

/**
 * Reads every row in created order. Notion stops a query at 10,000 rows (has_more false,
 * request_status incomplete), so past it the read goes on with a created-time window from the newest
 * minute seen, skipping the rows of that minute already counted: what NotionPS does for its callers.
 */
async function read() {
  const begin = performance.now();
  let rows = 0;
  let cursor;
  let windowStart;
  let newestCreated;
  let newestIds = new Set();
  let alreadyCounted = new Set();
  for (;;) {
    const filter = windowStart && { timestamp: "created_time", created_time: { on_or_after: windowStart } };
    const page = await notion.dataSources.query({
      data_source_id: dataSourceId,
      page_size: 100,
      start_cursor: cursor,
      sorts: [{ timestamp: "created_time", direction: "ascending" }],
      ...(filter ? { filter } : {}),
    });
    for (const row of page.results) {
      if (alreadyCounted.has(row.id)) continue;
      if (row.created_time !== newestCreated) {
        newestCreated = row.created_time;
        newestIds = new Set();
      }
      newestIds.add(row.id);
      rows++;
    }

    if (page.has_more && page.next_cursor) {
      cursor = page.next_cursor;
    } else if (page.request_status?.type === "incomplete" && newestCreated !== windowStart) {
      windowStart = newestCreated;
      alreadyCounted = newestIds;
      newestIds = new Set(alreadyCounted);
      cursor = undefined;
    } else {
      break;
    }
  }

  return { elapsedMs: performance.now() - begin, rows, failed: 0 };
}

/** Adds rows, one create at a time per worker; several workers share the one Client (and its retries). */
async function write() {
  const total = Number(rowCount);
  const workers = Number(workerCount ?? 1);
  const begin = performance.now();
  let next = 0;
  let rows = 0;
  let failed = 0;
  async function worker() {
    while (next < total) {
      const seq = ++next;
      try {
        await notion.pages.create({
          parent: { type: "data_source_id", data_source_id: dataSourceId },
          properties: {
            Name: { title: [{ text: { content: `${namePrefix}-${seq}` } }] },
            Seq: { number: seq },
            Status: { select: { name: ["Todo", "Doing", "Done"][seq % 3] } },
            Done: { checkbox: seq % 2 === 0 },
            Notes: { rich_text: [{ text: { content: "Added by the SDK benchmark" } }] },
          },
        });
        rows++;
      } catch {
        failed++;
      }
    }
  }

  await Promise.all(Array.from({ length: workers }, worker));
  return { elapsedMs: performance.now() - begin, rows, failed };
}

/** The SDK's counterpart of workload 5: loading the package and its first call (users.me). */
async function firstCall() {
  const begin = performance.now();
  await notion.users.me({});
  return { importMs, firstCallMs: performance.now() - begin, elapsedMs: performance.now() - begin, rows: 0, failed: 0 };
}

/**
 * Workload 8's counterpart: a page of <blocks> paragraphs written with pages.create (its first 100) and
 * blocks.children.append (100 a request, the API's most), then read back with blocks.children.list.
 */
async function blocks() {
  const count = Number(rowCount ?? dataSourceId);
  const paragraphs = Array.from({ length: count }, (_, i) => ({
    type: "paragraph",
    paragraph: { rich_text: [{ type: "text", text: { content: `Paragraph ${i + 1} of the benchmark page, a sentence of plain text.` } }] },
  }));
  const writeCpu = process.cpuUsage();
  const begin = performance.now();
  const page = await notion.pages.create({
    parent: { page_id: dataSourceId },
    properties: { title: { title: [{ text: { content: "Benchmark blocks (SDK)" } }] } },
    children: paragraphs.slice(0, 100),
  });
  for (let first = 100; first < count; first += 100) {
    await notion.blocks.children.append({ block_id: page.id, children: paragraphs.slice(first, first + 100) });
  }
  const writeMs = performance.now() - begin;
  const writeCpuUsed = process.cpuUsage(writeCpu);
  const readCpu = process.cpuUsage();
  const readBegin = performance.now();
  let read = 0;
  let cursor;
  do {
    const answer = await notion.blocks.children.list({ block_id: page.id, page_size: 100, start_cursor: cursor });
    read += answer.results.length;
    cursor = answer.has_more ? answer.next_cursor : undefined;
  } while (cursor);
  const readCpuUsed = process.cpuUsage(readCpu);
  return {
    elapsedMs: performance.now() - begin, writeMs, readMs: performance.now() - readBegin,
    writeCpuMs: (writeCpuUsed.user + writeCpuUsed.system) / 1000, readCpuMs: (readCpuUsed.user + readCpuUsed.system) / 1000,
    rows: read, failed: count - read,
  };
}

/**
 * Workload 10's counterpart: a file over 20 MiB sent as the SDK documents a multi-part upload:
 * fileUploads.create (mode multi_part, number_of_parts), fileUploads.send per part of 10 MiB with its
 * part_number (a string), then fileUploads.complete. The file is a Blob backed by the file on disk
 * (fs.openAsBlob), so each part is read as it is sent rather than the whole file held in memory.
 */
async function upload() {
  const path = dataSourceId;
  const partSize = 10 * 1024 * 1024;
  const file = await openAsBlob(path, { type: "video/mp4" });
  const filename = basename(path);
  const parts = Math.ceil(file.size / partSize);
  // The process's peak before the upload: a peak above it is the upload's own.
  const peakBytesBefore = process.resourceUsage().maxRSS * 1024;
  const begin = performance.now();
  const created = await notion.fileUploads.create({ mode: "multi_part", filename, content_type: "video/mp4", number_of_parts: parts });
  for (let part = 1; part <= parts; part++) {
    const data = file.slice((part - 1) * partSize, part * partSize, "video/mp4");
    await notion.fileUploads.send({ file_upload_id: created.id, file: { filename, data }, part_number: String(part) });
  }
  const completed = await notion.fileUploads.complete({ file_upload_id: created.id });
  return { elapsedMs: performance.now() - begin, bytes: file.size, peakBytesBefore, rows: 0, failed: completed.status === "uploaded" ? 0 : 1 };
}
