// The search page of a built example portal, used as a reader would: typing queries with
// and without Vietnamese marks, filtering by kind, keyboard only, bookmarked addresses.
// Usage: node search.mjs SITE_FOLDER. Exits with 1 and a report when anything fails.
import assert from "node:assert/strict";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveFolder, chromiumOptions } from "./server.mjs";

if (!process.argv[2]) {
  console.error("usage: node search.mjs SITE_FOLDER");
  process.exit(2);
}
const site = await serveFolder(path.resolve(process.argv[2]));
const browser = await chromium.launch(chromiumOptions);
const context = await browser.newContext();
const outside = [];
let fetchedBytes = 0;
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.hostname !== "127.0.0.1") { outside.push(url.href); return route.abort(); }
  return route.continue();
});
const page = await context.newPage();
page.on("response", async (response) => {
  if (new URL(response.url()).pathname.includes("/search/")) {
    fetchedBytes += (await response.body().catch(() => Buffer.alloc(0))).length;
  }
});
const errors = [];
page.on("pageerror", (error) => errors.push(String(error)));

/** Types `query` with the keyboard, submits with Enter, and waits for the announced count. */
async function search(query) {
  await page.focus("#search-q");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(query);
  await page.keyboard.press("Enter");
  return results(query);
}

async function results(query) {
  await page.waitForFunction(
    (q) => {
      const status = document.getElementById("search-status").textContent;
      return status.includes(q) && !status.includes("…");
    },
    query,
  );
  return page.$$eval("#search-results .search-result", (items) =>
    items.map((li) => ({
      href: new URL(li.querySelector("a").href).pathname + new URL(li.querySelector("a").href).hash,
      title: li.querySelector("a").textContent,
      kind: li.querySelector(".search-kind").textContent,
      path: li.querySelector(".search-path").textContent,
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    })),
  );
}

const status = () => page.textContent("#search-status");
const failures = [];
async function check(name, body) {
  try {
    await body();
    console.log(`ok   ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`FAIL ${name}\n     ${String(error.message).split("\n").join("\n     ")}`);
  }
}

await page.goto(`${site.base}/tim-kiem/`);

await check("the form is a labelled search landmark with a live status", async () => {
  assert.equal(await page.getAttribute("#search-form", "role"), "search");
  assert.ok((await page.textContent('label[for="search-q"]')).trim().length > 0);
  assert.equal(await page.getAttribute("#search-status", "aria-live"), "polite");
});

for (const query of ["chuyen doi so", "chuyển đổi số", "CHUYỂN ĐỔI SỐ"]) {
  await check(`"${query}" finds the plan among the first results`, async () => {
    const found = await search(query);
    const plan = found.findIndex((r) => r.href === "/ke-hoach-2025/");
    assert.ok(plan >= 0 && plan < 5, `plan at ${plan} in ${JSON.stringify(found.map((r) => r.href))}`);
    assert.match(await status(), /\d/);
    assert.ok(found[0].marks.length > 0 || found.some((r) => r.marks.length > 0), "matched words are marked");
  });
}

await check('"chuyen doi so" marks words in their original spelling', async () => {
  const found = await search("chuyen doi so");
  const marks = found.flatMap((r) => r.marks.map((m) => m.toLowerCase()));
  assert.ok(marks.includes("chuyển") && marks.includes("đổi"), JSON.stringify(marks.slice(0, 12)));
});

await check('"dịch vụ công trực tuyến" lists the online-services indicator first', async () => {
  const found = await search("dịch vụ công trực tuyến");
  assert.equal(found[0]?.href, "/ke-hoach-2025/chi-tieu/dvc-truc-tuyen-toan-trinh/", JSON.stringify(found.slice(0, 3)));
  assert.match(found[0].kind, /Chỉ tiêu/);
});

await check('"dich vu cong truc tuyen" (no marks) finds the same indicator first', async () => {
  const found = await search("dich vu cong truc tuyen");
  assert.equal(found[0]?.href, "/ke-hoach-2025/chi-tieu/dvc-truc-tuyen-toan-trinh/", JSON.stringify(found.slice(0, 3)));
});

await check("a kind filter, chosen by keyboard, narrows the results to that kind", async () => {
  await search("chuyen doi so");
  const all = Number((await status()).match(/\d+/)[0]);
  await page.focus(".search-filters summary");
  await page.keyboard.press("Enter");
  await page.focus("#search-kind-indicator");
  await page.keyboard.press("Space");
  const found = await results("chuyen doi so");
  const narrowed = Number((await status()).match(/\d+/)[0]);
  assert.ok(narrowed > 0 && narrowed < all, `${narrowed} of ${all}`);
  assert.ok(found.every((r) => r.kind.startsWith("Chỉ tiêu")), JSON.stringify(found.map((r) => r.kind)));
  assert.match(page.url(), /kind=indicator/);
  await page.keyboard.press("Space");
});

await check("a task group filter keeps that group's results", async () => {
  await page.goto(`${site.base}/tim-kiem/?q=${encodeURIComponent("dữ liệu")}&group=du-lieu`);
  const found = await results("dữ liệu");
  assert.ok(found.length > 0);
  const label = await page.$eval('#search-group option[value="du-lieu"]', (o) => o.textContent);
  assert.ok(found.every((r) => r.kind.includes(label)), JSON.stringify(found.map((r) => r.kind)));
});

await check("a task code finds its row of the tracker, however it is written", async () => {
  for (const code of ["NV-3.11", "nv 3.11", "nv3.11"]) {
    await page.goto(`${site.base}/tim-kiem/?q=${encodeURIComponent(code)}`);
    const found = await results(code);
    assert.equal(found[0]?.href, "/ke-hoach-2025/nhiem-vu/#task-nv-3-11", `${code}: ${JSON.stringify(found.slice(0, 2))}`);
  }
});

await check("a bookmarked address shows its results, and a miss says so", async () => {
  await page.goto(`${site.base}/tim-kiem/?q=xyzzyq`);
  assert.equal((await results("xyzzyq")).length, 0);
  assert.match(await status(), /xyzzyq/);
});

await check("the English search page searches the English index", async () => {
  await page.goto(`${site.base}/en/search/?q=${encodeURIComponent("online public services")}`);
  const found = await results("online public services");
  assert.ok(found.length > 0 && found.every((r) => r.href.startsWith("/en/")), JSON.stringify(found.slice(0, 3)));
});

await check("without JavaScript the page says so and links to the sections", async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await plain.newPage();
  await noScript.goto(`${site.base}/tim-kiem/`);
  const text = await noScript.$$eval("noscript", (n) => n.map((x) => x.textContent).join(" "));
  assert.match(text, /JavaScript/);
  // The fallback's links are real links once scripts are off.
  const hrefs = await noScript.$$eval("main a", (a) => a.map((x) => new URL(x.href).pathname));
  assert.ok(hrefs.includes("/ke-hoach-2025/"), JSON.stringify(hrefs));
  await plain.close();
});

await check("nothing is fetched from another host and no script error", async () => {
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
});

console.log(`search index bytes fetched in this run: ${fetchedBytes}`);
await browser.close();
await site.close();
if (failures.length) {
  console.log(`${failures.length} search check(s) failed`);
  process.exit(1);
}
console.log("search: all checks passed");
