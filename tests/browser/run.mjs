// Checks a built site the way a reader's browser sees it: axe-core (WCAG 2.0, 2.1 and 2.2,
// A and AA) on every page in headless Chromium, no horizontal scrolling at 320 px, chart text
// at 12 px or more at 320 px and no two chart texts overlapping at 1280 px, at 375 px a
// header at most 120 px tall and every plan table row's status and due date on screen, in
// print no menus and the plan page as a progress report, every internal link and resource
// (href and src on this host or the site's own address, and og:image) resolves to a file,
// every Atom feed parses with the browser's XML parser, and the W3C Nu HTML
// checker on every HTML file. Usage: node run.mjs SITE_FOLDER
// Exits with 1 and a report when anything fails. Makes no request beyond 127.0.0.1.
import { readFile, readdir, stat } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";
import { serveFolder, chromiumOptions } from "./server.mjs";

const require = createRequire(import.meta.url);
const folder = path.resolve(process.argv[2] ?? "");
if (!process.argv[2]) {
  console.error("usage: node run.mjs SITE_FOLDER");
  process.exit(2);
}

async function filesNamed(dir, name) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesNamed(full, name)));
    else if (entry.name === name) out.push(full);
  }
  return out.sort();
}

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full)));
    else if (entry.name.endsWith(".html")) out.push(full);
  }
  return out.sort();
}

const server = await serveFolder(folder);
const base = server.base;

const files = await htmlFiles(folder);
// Redirect pages of aliases only send readers on; they are checked by the HTML checker.
const pages = [];
for (const file of files) {
  const text = await readFile(file, "utf8");
  if (!text.includes('http-equiv="refresh"')) pages.push(file);
}
const urls = pages.map((file) => {
  const relative = path.relative(folder, file).split(path.sep).join("/");
  return "/" + relative.replace(/(^|\/)index\.html$/, "$1");
});

const browser = await chromium.launch(chromiumOptions);
const context = await browser.newContext();
// Nothing may be fetched from another host.
const outside = [];
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.hostname !== "127.0.0.1") { outside.push(route.request().url()); return route.abort(); }
  return route.continue();
});
// axe is added to every page as it loads (compiled once, not parsed again per page).
await context.addInitScript({ content: await readFile(require.resolve("axe-core/axe.min.js"), "utf8") });
const problems = [];
// Every internal address a page refers to (path -> the first page that does), and feeds.
const references = new Map();
const feeds = new Set();
async function check(page, url) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(base + url, { waitUntil: "load" });
  const found = await page.evaluate(() => {
    // The site's own address (canonical links are absolute) counts as this host too.
    const canonical = document.querySelector('link[rel="canonical"]');
    const hosts = [location.host, canonical ? new URL(canonical.href).host : location.host];
    const paths = [];
    for (const element of document.querySelectorAll("[href], [src]")) {
      for (const attribute of ["href", "src"]) {
        const value = element.getAttribute(attribute);
        if (value === null || /^(mailto|tel|javascript|data):/i.test(value.trim())) continue;
        const target = new URL(value, document.baseURI);
        if (!/^https?:$/.test(target.protocol) || !hosts.includes(target.host)) continue;
        paths.push(target.pathname);
      }
    }
    // Share cards are named by absolute address in <meta> and must be files of the site too.
    for (const meta of document.querySelectorAll('meta[property="og:image"]')) {
      const target = new URL(meta.getAttribute("content"), document.baseURI);
      paths.push(hosts.includes(target.host) ? target.pathname : `(another host) ${target.href}`);
    }
    const feeds = [...document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')]
      .map((link) => new URL(link.href).pathname);
    return { paths, feeds };
  });
  for (const target of found.paths) if (!references.has(target)) references.set(target, url);
  for (const feed of found.feeds) feeds.add(feed);
  const result = await page.evaluate(async () =>
    await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
  for (const violation of result.violations) {
    for (const node of violation.nodes) {
      problems.push(`${url}: axe ${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}`);
    }
  }
  for (const problem of overlappingChartText(await page.evaluate(shownChartTexts), 1280)) problems.push(`${url}: ${problem}`);
  await page.setViewportSize({ width: 320, height: 640 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  if (width > 320) problems.push(`${url}: scrolls sideways at 320 px (content is ${width} px wide)`);
  for (const problem of smallChartText(await page.evaluate(shownChartTexts), 320)) problems.push(`${url}: ${problem}`);
  // On a phone: a short header, and every plan table row's status and due date in view.
  await page.setViewportSize({ width: 375, height: 800 });
  const phone = await page.evaluate(() => {
    const out = [];
    const header = document.querySelector(".site-header");
    const height = header ? header.getBoundingClientRect().height : 0;
    if (height > 120) out.push(`the header is ${Math.round(height)} px tall at 375 px (at most 120)`);
    for (const cell of document.querySelectorAll("table td.status, table td.due")) {
      // Tables made for print only (the plan page's report) are on no screen at any width.
      if (cell.closest(".print-only")) continue;
      const box = cell.getBoundingClientRect();
      if (box.width === 0 || box.left < 0 || box.right > window.innerWidth) {
        out.push(`a ${cell.className} cell is outside the screen at 375 px (${Math.round(box.left)}–${Math.round(box.right)} px)`);
        break;
      }
    }
    return out;
  });
  for (const problem of phone) problems.push(`${url}: ${problem}`);
  // In print: no menus, search or language switcher; the plan page as a progress report
  // (its report shown, its narrative left out, no table row split across pages).
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const out = [];
    const shown = (element) => element.getClientRects().length > 0;
    for (const selector of [".site-nav", ".site-menu", ".language-switcher", ".header-search", ".skip-link", ".footer-links"]) {
      const element = document.querySelector(selector);
      if (element && shown(element)) out.push(`${selector} is printed`);
    }
    const report = document.querySelector(".plan-report");
    if (report) {
      if (!shown(report)) out.push("the plan's report is not printed");
      const narrative = document.querySelector(".plan-narrative");
      if (narrative && shown(narrative)) out.push("the plan's narrative is printed");
      const row = report.querySelector("tbody tr");
      if (row && getComputedStyle(row).breakInside !== "avoid") out.push("the report's rows may split across pages");
    }
    return out;
  });
  for (const problem of printed) problems.push(`${url}: in print, ${problem}`);
  await page.emulateMedia({ media: "screen" });
}
// Chart text as rendered (run in the page): the texts of every SVG that are shown (a chart's
// other drawing is display:none, and so has no box), with their boxes on screen and their
// size in px, the font size times the SVG's scale.
function shownChartTexts() {
  const out = [];
  for (const svg of document.querySelectorAll("svg")) {
    const texts = [];
    for (const text of svg.querySelectorAll("text")) {
      const { left, right, top, bottom, width, height } = text.getBoundingClientRect();
      if (width === 0 && height === 0) continue;
      const ctm = text.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const px = parseFloat(getComputedStyle(text).fontSize) * scale;
      texts.push({ words: text.textContent.trim(), box: { left, right, top, bottom }, px });
    }
    const name = svg.getAttribute("aria-labelledby")?.split(" ")[0] ?? svg.getAttribute("class") ?? "svg";
    if (texts.length) out.push({ name, texts });
  }
  return out;
}
// No chart text is smaller than 12 px.
function smallChartText(charts, viewport) {
  const out = [];
  for (const { name, texts } of charts) {
    for (const { words, px } of texts) {
      if (px < 12 - 0.01) out.push(`chart text "${words}" (${name}) renders at ${px.toFixed(1)} px at ${viewport} px (at least 12)`);
    }
  }
  return out;
}
// No two texts of one chart overlap (by more than rounding, half a pixel each way).
function overlappingChartText(charts, viewport) {
  const out = [];
  for (const { name, texts } of charts) {
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const [a, b] = [texts[i].box, texts[j].box];
        const across = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (across > 0.5 && down > 0.5) out.push(`chart texts "${texts[i].words}" and "${texts[j].words}" (${name}) overlap at ${viewport} px`);
      }
    }
  }
  return out;
}
// Two tabs share the pages, one per core of a small machine.
const queue = [...urls];
await Promise.all([1, 2].map(async () => {
  const page = await context.newPage();
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) await check(page, url);
}));
// Atom feeds: every feed a page links to and every atom.xml in the site must parse as XML
// and be an Atom feed whose entries have an id, a title, a date and an absolute link.
for (const file of await filesNamed(folder, "atom.xml")) feeds.add("/" + path.relative(folder, file).split(path.sep).join("/"));
const feedPage = await context.newPage();
await feedPage.goto(base + "/", { waitUntil: "load" });
for (const feed of [...feeds].sort()) {
  const trouble = await feedPage.evaluate(async (address) => {
    const response = await fetch(address);
    if (!response.ok) return [`${address}: HTTP ${response.status}`];
    const xml = new DOMParser().parseFromString(await response.text(), "application/xml");
    const error = xml.querySelector("parsererror");
    if (error) return [`${address}: not well-formed XML: ${error.textContent.trim().split("\n")[0]}`];
    const atom = "http://www.w3.org/2005/Atom";
    const root = xml.documentElement;
    if (root.localName !== "feed" || root.namespaceURI !== atom) return [`${address}: not an Atom feed`];
    const out = [];
    const own = (node, name) => [...node.children].filter((c) => c.localName === name && c.namespaceURI === atom);
    for (const name of ["id", "title", "updated"]) if (own(root, name).length !== 1) out.push(`${address}: the feed needs one <${name}>`);
    own(root, "entry").forEach((entry, i) => {
      for (const name of ["id", "title", "updated"]) if (own(entry, name).length !== 1) out.push(`${address}: entry ${i + 1} needs one <${name}>`);
      // Atom dates are RFC 3339 date-times.
      const updated = own(entry, "updated")[0]?.textContent ?? "";
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(updated)) out.push(`${address}: entry ${i + 1} has no RFC 3339 <updated>`);
      const link = own(entry, "link")[0]?.getAttribute("href") ?? "";
      if (!/^https?:\/\//.test(link)) out.push(`${address}: entry ${i + 1} has no absolute link`);
    });
    return out;
  }, feed);
  problems.push(...trouble);
}
await browser.close();
await server.close();
for (const url of outside) problems.push(`a page asked another host for ${url}`);

// Internal links and resources resolve to a file of the built site.
for (const [target, from] of [...references].sort()) {
  let file = path.join(folder, decodeURIComponent(target));
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
    await stat(file);
  } catch {
    problems.push(`${from}: links to ${target}, which does not exist`);
  }
}

// The Nu HTML checker, errors only, over every HTML file.
const vnu = spawnSync("java", ["-jar", require("vnu-jar"), "--errors-only", "--format", "gnu", ...files], { encoding: "utf8" });
if (vnu.error) problems.push(`the HTML checker could not run: ${vnu.error.message}`);
for (const line of `${vnu.stdout}${vnu.stderr}`.split("\n").filter((l) => l.trim())) problems.push(`html: ${path.relative(folder, line)}`);

console.log(`Checked ${urls.length} pages with axe-core and at 320 px, ${references.size} internal addresses, ${feeds.size} Atom feeds, and ${files.length} HTML files with the Nu HTML checker.`);
if (problems.length) {
  console.log(`${problems.length} problem(s):`);
  for (const problem of problems) console.log("  " + problem);
  process.exit(1);
}
console.log("No problems.");
