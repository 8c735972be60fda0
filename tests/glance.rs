//! The plan at a glance, as a citizen sees it: the headline sentence of the home and plan
//! pages, the status bars whose parts lead to the filtered lists, the key indicators, the
//! home page's news, the year-end evaluation's counts, and the header's `[[menu]]`. Expected
//! figures are worked out here from the fixture's own files (its task table, targets and
//! readings), never copied from the output.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use chrono::NaiveDate;
use common::{Site, main_of};
use minhbach::content::plan::period::Period;
use minhbach::content::plan::status::{Direction, Goal, Point, Status, assess};

const AS_OF: &str = "2025-09-30";

/// More tasks than the fixture's four, so that the counts are not all ones: one done and
/// one cancelled after their deadline (neither is late), one not started past its deadline.
const MORE_TASKS: &str = "NV-2.03,ha-tang,Nâng cấp mạng,so-khcn,,,30/3/2025,done,100,,\n\
NV-2.04,ha-tang,Thuê kênh truyền,so-khcn,,,31/5/2025,cancelled,0,,\n\
NV-2.05,ha-tang,Tập huấn an toàn,so-noi-vu,,,Tháng 8/2025,not_started,0,,\n\
NV-2.06,ha-tang,Khảo sát vùng lõm,so-noi-vu,,,Quý III/2025,in_progress,50,,\n";

fn fixture() -> Site {
    let site = Site::fixture("plan");
    let tasks = fs::read_to_string(site.path("content/kh/tasks.csv")).unwrap();
    site.write("content/kh/tasks.csv", &format!("{tasks}{MORE_TASKS}"));
    site
}

fn as_of() -> NaiveDate {
    NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap()
}

/// The last day of a deadline as the fixture writes them (`30/6/2025`, `2025-06-30`,
/// `Quý IV/2025`, `Tháng 8/2025`, `Năm 2025`); `None` for `Thường xuyên` (ongoing).
fn due_end(written: &str) -> Option<NaiveDate> {
    let written = written.trim();
    let last_of_month = |year: i32, month: u32| {
        let (y, m) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
        NaiveDate::from_ymd_opt(y, m, 1)
            .unwrap()
            .pred_opt()
            .unwrap()
    };
    if let Some(rest) = written.strip_prefix("Quý ") {
        let (quarter, year) = rest.split_once('/')?;
        let quarter = match quarter {
            "I" | "1" => 1,
            "II" | "2" => 2,
            "III" | "3" => 3,
            "IV" | "4" => 4,
            other => panic!("quarter {other}"),
        };
        return Some(last_of_month(year.parse().ok()?, quarter * 3));
    }
    if let Some(rest) = written.strip_prefix("Tháng ") {
        let (month, year) = rest.split_once('/')?;
        return Some(last_of_month(year.parse().ok()?, month.parse().ok()?));
    }
    if let Some(year) = written.strip_prefix("Năm ") {
        return NaiveDate::from_ymd_opt(year.parse().ok()?, 12, 31);
    }
    if written == "Thường xuyên" {
        return None;
    }
    NaiveDate::parse_from_str(written, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(written, "%Y-%m-%d"))
        .ok()
}

/// Each task's status as the methodology defines it, from the task table as written.
fn task_statuses(site: &Site) -> Vec<&'static str> {
    let mut reader = csv::Reader::from_path(site.path("content/kh/tasks.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (due, state) = (column("due"), column("status"));
    reader
        .records()
        .map(|row| {
            let row = row.unwrap();
            let late = due_end(&row[due]).is_some_and(|d| as_of() > d);
            match (&row[state], late) {
                ("done", _) => "done",
                ("cancelled", _) => "cancelled",
                (_, true) => "overdue",
                ("in_progress", false) => "in_progress",
                (_, false) => "not_started",
            }
        })
        .collect()
}

/// A target of `indicators.toml`, as the tests need it.
struct Target {
    id: String,
    direction: Direction,
    baseline: Point,
    target: Point,
    milestones: Vec<Point>,
}

fn point(value: &toml::Value) -> Point {
    Point {
        period: Period::parse(value["period"].as_str().unwrap()).unwrap(),
        value: value["value"]
            .as_float()
            .or_else(|| value["value"].as_integer().map(|i| i as f64))
            .unwrap(),
    }
}

fn targets(site: &Site) -> Vec<Target> {
    let text = fs::read_to_string(site.path("content/kh/indicators.toml")).unwrap();
    let file: toml::Table = text.parse().unwrap();
    file["indicator"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| Target {
            id: i["id"].as_str().unwrap().to_string(),
            direction: match i["direction"].as_str().unwrap() {
                "increase" => Direction::Increase,
                "decrease" => Direction::Decrease,
                _ => Direction::Maintain,
            },
            baseline: point(&i["baseline"]),
            target: point(&i["target"]),
            milestones: i
                .get("milestones")
                .and_then(|m| m.as_array())
                .map(|m| m.iter().map(point).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// The overall readings (no breakdown) of each indicator, from the fixture's data file.
fn readings(site: &Site) -> BTreeMap<String, Vec<Point>> {
    let mut reader = csv::Reader::from_path(site.path("content/kh/data/tien-do.csv")).unwrap();
    let mut out: BTreeMap<String, Vec<Point>> = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        if !row[3].is_empty() {
            continue;
        }
        out.entry(row[0].to_string()).or_default().push(Point {
            period: Period::parse(&row[1]).unwrap(),
            value: row[2].parse().unwrap(),
        });
    }
    out
}

/// Each target's status by the documented method, by id.
fn target_statuses(site: &Site) -> BTreeMap<String, Status> {
    let readings = readings(site);
    targets(site)
        .into_iter()
        .map(|t| {
            let goal = Goal {
                direction: t.direction,
                baseline: t.baseline,
                target: t.target,
            };
            let points = readings.get(&t.id).cloned().unwrap_or_default();
            (t.id, assess(&goal, &points, Some(as_of())).status)
        })
        .collect()
}

/// The text of the first element with `class="CLASS"` (its inner HTML up to the first `<`).
fn text_of_class<'a>(html: &'a str, class: &str) -> &'a str {
    let marker = format!("class=\"{class}\">");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no {marker} in the page"))
        + marker.len();
    let end = html[start..].find('<').unwrap() + start;
    &html[start..end]
}

/// The first `<TAG … class="CLASS"…>` element, up to its first `</TAG>`.
fn element<'a>(html: &'a str, tag: &str, class: &str) -> &'a str {
    let marker = format!("class=\"{class}\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no <{tag} {marker}> in the page"));
    let start = html[..at].rfind(&format!("<{tag}")).unwrap();
    let end = html[start..].find(&format!("</{tag}>")).unwrap() + start;
    &html[start..end]
}

/// Every `href="…"` in `html`, in order.
fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// The built file of a site address (`/kh/chi-tieu/…/`).
fn page_at(site: &Site, url: &str) -> String {
    let relative = format!("{}index.html", url.trim_start_matches('/'));
    assert!(site.has_output(&relative), "{url} leads to no page");
    site.output(&relative)
}

#[test]
fn the_headline_counts_targets_on_track_and_overdue_tasks_from_the_plans_data() {
    let site = fixture();
    site.build().assert_ok();
    let statuses = target_statuses(&site);
    let good = statuses
        .values()
        .filter(|s| matches!(s, Status::Achieved | Status::OnTrack))
        .count();
    let tasks = task_statuses(&site);
    let overdue = tasks.iter().filter(|s| **s == "overdue").count();
    assert!(
        overdue >= 2 && good >= 1,
        "the fixture should have something to count"
    );

    let vi = format!(
        "{good} trên {} chỉ tiêu đã đạt hoặc đúng tiến độ; {overdue} trên {} nhiệm vụ quá hạn",
        statuses.len(),
        tasks.len()
    );
    let en = format!(
        "{good} of {} targets achieved or on track; {overdue} of {} tasks overdue",
        statuses.len(),
        tasks.len()
    );
    for (page, sentence) in [
        ("index.html", &vi),
        ("kh/index.html", &vi),
        ("en/index.html", &en),
        ("en/kh/index.html", &en),
    ] {
        let html = site.output(page);
        assert_eq!(
            text_of_class(main_of(&html), "headline"),
            sentence,
            "{page}"
        );
    }
    // The plan page opens with it: the sentence comes before the plan's facts and text.
    let plan = site.output("kh/index.html");
    let main = main_of(&plan);
    assert!(main.find("class=\"headline\"") < main.find("class=\"facts\""));
    // Evaluation, methodology and open data are linked near the top, above the facts.
    let top = &main[..main.find("class=\"facts\"").unwrap()];
    for link in ["/kh/danh-gia-2024/", "/kh/phuong-phap/", "/kh/du-lieu-mo/"] {
        assert!(
            top.contains(&format!("href=\"{link}\"")),
            "{link} near the top"
        );
    }
}

#[test]
fn status_bar_parts_lead_to_lists_holding_as_many_targets_and_tasks() {
    let site = fixture();
    site.build().assert_ok();
    let statuses = target_statuses(&site);
    let tasks = task_statuses(&site);
    let plan = site.output("kh/index.html");
    let main = main_of(&plan);
    let bars: Vec<&str> = main
        .match_indices("<div class=\"status-bar\"")
        .map(|(at, _)| &main[at..at + main[at..].find("</div>").unwrap()])
        .collect();
    assert_eq!(bars.len(), 2, "a bar for targets and one for tasks");

    // Targets: each part names its status in its address and leads to a list of that many.
    let mut seen = BTreeSet::new();
    for url in hrefs(bars[0]) {
        let slug = url
            .strip_prefix("/kh/chi-tieu/trang-thai-")
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("{url} is not a list of targets by status"));
        let key = slug.replace('-', "_");
        let expected = statuses.values().filter(|s| s.key() == key).count();
        assert!(expected > 0, "a part for a status no target has: {url}");
        let list = page_at(&site, &url);
        let rows = main_of(&list).matches("<th scope=\"row\">").count();
        assert_eq!(rows, expected, "{url}");
        // The same list in English, with the same count.
        let english = page_at(&site, &format!("/en{url}"));
        assert_eq!(
            main_of(&english).matches("<th scope=\"row\">").count(),
            expected
        );
        seen.insert(key);
    }
    let with_targets: BTreeSet<String> = statuses.values().map(|s| s.key().to_string()).collect();
    assert_eq!(
        seen, with_targets,
        "one part for each status some target has"
    );

    // Tasks: each part leads to the tracker filtered by its status, with that many rows.
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    for status in &tasks {
        *by_status.entry(status).or_default() += 1;
    }
    let urls = hrefs(bars[1]);
    assert_eq!(urls.len(), by_status.len(), "{urls:?}");
    for url in urls {
        let slug = url
            .strip_prefix("/kh/nhiem-vu/trang-thai-")
            .and_then(|s| s.strip_suffix('/'))
            .unwrap_or_else(|| panic!("{url} is not a tracker page"));
        let expected = by_status[slug.replace('-', "_").as_str()];
        let list = page_at(&site, &url);
        let rows = main_of(&list).matches("<tr id=\"task-").count();
        assert_eq!(rows, expected, "{url}");
    }

    // The counts in words link to the same lists, and the list of targets links them too.
    let counts = element(main, "ul", "status-counts");
    for url in hrefs(bars[0]) {
        assert!(
            counts.contains(&format!("href=\"{url}\"")),
            "{url} in the counts"
        );
    }
    let all = site.output("kh/chi-tieu/index.html");
    for url in hrefs(bars[0]) {
        assert!(
            all.contains(&format!("href=\"{url}\"")),
            "{url} from the list"
        );
    }
}

#[test]
fn key_indicators_are_the_featured_ones_else_the_first_of_each_group() {
    let site = fixture();
    site.build().assert_ok();
    let cards = |site: &Site, page: &str| -> Vec<String> {
        let html = site.output(page);
        let main = main_of(&html).to_string();
        main.split("<li class=\"indicator-card\">")
            .skip(1)
            .map(|card| {
                let href = hrefs(card).into_iter().next().unwrap();
                href.trim_end_matches('/')
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    // Without `featured`, the first target of each group, in the groups' order.
    let mut firsts: Vec<(String, String)> = Vec::new();
    let text = fs::read_to_string(site.path("content/kh/indicators.toml")).unwrap();
    let file: toml::Table = text.parse().unwrap();
    for i in file["indicator"].as_array().unwrap() {
        let group = i["group"].as_str().unwrap().to_string();
        if !firsts.iter().any(|(g, _)| *g == group) {
            firsts.push((group, i["id"].as_str().unwrap().to_string()));
        }
    }
    let expected: Vec<String> = firsts.into_iter().map(|(_, id)| id).collect();
    assert_eq!(cards(&site, "kh/index.html"), expected);
    assert_eq!(cards(&site, "index.html"), expected);

    // With `featured = true`, those alone; a card shows the value with its unit and target.
    let marked = text.replace(
        "id = \"ngay-xu-ly\"\n",
        "id = \"ngay-xu-ly\"\nfeatured = true\n",
    );
    assert_ne!(marked, text);
    site.write("content/kh/indicators.toml", &marked);
    site.build().assert_ok();
    assert_eq!(cards(&site, "kh/index.html"), ["ngay-xu-ly"]);
    let latest = readings(&site)["ngay-xu-ly"]
        .iter()
        .max_by(|a, b| a.period.cmp(&b.period))
        .unwrap()
        .value;
    let html = site.output("kh/index.html");
    let card = element(main_of(&html), "li", "indicator-card");
    let figure = format!("{} ngày", latest.to_string().replace('.', ","));
    assert!(card.contains(&figure), "{figure} in {card}");
    assert!(card.contains("chart-sparkline"), "{card}");
    assert!(card.contains("badge-status"), "{card}");
    let english = site.output("en/kh/index.html");
    let card = element(main_of(&english), "li", "indicator-card");
    assert!(card.contains(&format!("{latest} days")), "{card}");
}

#[test]
fn the_home_page_lists_news_written_by_people_and_one_line_for_data_updates() {
    let site = fixture();
    site.write(
        "content/tin-tuc/_index.md",
        "+++\ntitle = \"Tin tức\"\n[extra]\nkind = \"news\"\n+++\n",
    )
    .write(
        "content/tin-tuc/ra-mat.md",
        "+++\ntitle = \"Ra mắt cổng thông tin\"\ndate = 2025-01-20\n+++\nNội dung.\n",
    )
    .write(
        "content/tin-tuc/hoi-nghi.md",
        "+++\ntitle = \"Hội nghị sơ kết\"\ndate = 2025-07-10\n+++\nNội dung.\n",
    );
    site.build().assert_ok();

    // The newest reporting day of the data, and the indicators with a reading for it.
    let targets = targets(&site);
    let mut by_day: BTreeMap<NaiveDate, BTreeSet<String>> = BTreeMap::new();
    for (id, points) in readings(&site) {
        let baseline = targets.iter().find(|t| t.id == id).unwrap().baseline.period;
        for p in points.iter().filter(|p| p.period > baseline) {
            by_day.entry(p.period.end()).or_default().insert(id.clone());
        }
    }
    assert!(by_day.len() > 1, "several updates, shown as one line");
    let (day, ids) = by_day.iter().next_back().unwrap();

    let html = site.output("index.html");
    let main = main_of(&html);
    let news = element(main, "ul", "news-list");
    let titles: Vec<&str> = news
        .split("\">")
        .skip(1)
        .filter_map(|s| s.split_once("</a>").map(|(t, _)| t))
        .collect();
    assert_eq!(titles, ["Hội nghị sơ kết", "Ra mắt cổng thông tin"]);
    assert!(
        !news.contains("cap-nhat-so-lieu"),
        "no data update among the articles"
    );
    assert_eq!(main.matches("class=\"data-update-line\"").count(), 1);
    let line = element(main, "p", "data-update-line");
    let date = format!(
        "{}/{}/{}",
        day.format("%-d"),
        day.format("%-m"),
        day.format("%Y")
    );
    assert!(
        line.contains(&format!(
            "Số liệu tiến độ cập nhật ngày {date} — {} chỉ tiêu",
            ids.len()
        )),
        "{line}"
    );
    let url = hrefs(line).remove(0);
    assert!(url.contains(&day.format("%Y-%m-%d").to_string()), "{url}");
    page_at(&site, &url);
    // The sections the header links are not listed again on the home page.
    assert!(
        !main.contains("class=\"card-list\""),
        "no second list of sections"
    );
}

#[test]
fn the_evaluation_opens_with_its_counts_and_gives_units() {
    let site = fixture();
    // Targets for 2024: `dvc` has one; add one for the days to process a dossier (a
    // decrease), one for coverage, and a target with no 2024 result at all.
    let text = fs::read_to_string(site.path("content/kh/indicators.toml")).unwrap();
    let text = text
        .replace(
            "baseline = { period = \"2024\", value = 10 }\n",
            "baseline = { period = \"2024\", value = 10 }\nmilestones = [{ period = \"2024\", value = 9 }]\n",
        )
        .replace(
            "baseline = { period = \"2024\", value = 96 }\n",
            "baseline = { period = \"2024\", value = 96 }\nmilestones = [{ period = \"2024\", value = 95 }]\n",
        );
    let text = format!(
        "{text}\n[[indicator]]\nid = \"cap-quang\"\ngroup = \"ha-tang\"\nname = \"Hộ có cáp quang\"\n\
         unit = \"hộ\"\ndirection = \"increase\"\nbaseline = {{ period = \"2023\", value = 100 }}\n\
         target = {{ period = \"2025\", value = 300 }}\nmilestones = [{{ period = \"2024\", value = 200 }}]\n\
         method = \"Đếm.\"\nsource = \"Doanh nghiệp\"\nfrequency = \"yearly\"\nresponsible = \"so-khcn\"\n"
    );
    site.write("content/kh/indicators.toml", &text);
    site.build().assert_ok();

    // Expected: each target with a 2024 target, its 2024 result (the last reading of 2024,
    // else a 2024 baseline), met or not.
    let readings = readings(&site);
    let (mut met, mut missed, mut unknown) = (0, 0, 0);
    let mut judged = 0;
    for t in targets(&site) {
        let Some(goal) = t.milestones.iter().find(|m| m.period.year() == 2024) else {
            continue;
        };
        judged += 1;
        let result = readings
            .get(&t.id)
            .and_then(|r| {
                r.iter()
                    .filter(|p| p.period.year() == 2024)
                    .max_by(|a, b| a.period.cmp(&b.period))
            })
            .map(|p| p.value)
            .or((t.baseline.period.year() == 2024).then_some(t.baseline.value));
        match result {
            None => unknown += 1,
            Some(r) if (t.direction == Direction::Decrease) == (r <= goal.value) => met += 1,
            Some(_) => missed += 1,
        }
    }
    assert!(
        met > 0 && missed > 0 && unknown > 0,
        "{met} {missed} {unknown}"
    );

    let html = site.output("kh/danh-gia-2024/index.html");
    let main = main_of(&html);
    let summary = element(main, "section", "evaluation-summary");
    assert!(
        main.find("evaluation-summary") < main.find("<table"),
        "counts first"
    );
    let counts: Vec<usize> = summary
        .split("<span class=\"count\">")
        .skip(1)
        .map(|s| s[..s.find('<').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(counts, [met, missed, unknown]);
    assert!(
        summary.contains(&format!("{judged} chỉ tiêu có mục tiêu năm 2024")),
        "{summary}"
    );
    assert_eq!(main.matches("<th scope=\"row\">").count(), judged);
    // Units beside the figures: days, households, percentages.
    for figure in ["10 ngày", "9 ngày", "200 hộ", "75%"] {
        assert!(main.contains(&format!(">{figure}<")), "{figure}");
    }
    let english = site.output("en/kh/danh-gia-2024/index.html");
    assert!(main_of(&english).contains(">10 days<"));
}

#[test]
fn a_plan_without_targets_for_the_year_gets_no_evaluation_page() {
    let site = fixture();
    let text = fs::read_to_string(site.path("content/kh/indicators.toml")).unwrap();
    let without = text.replace("milestones = [{ period = \"2024\", value = 75 }]\n", "");
    assert_ne!(without, text);
    site.write("content/kh/indicators.toml", &without);
    site.build().assert_ok();
    assert!(!site.has_output("kh/danh-gia-2024/index.html"));
    assert!(!site.has_output("en/kh/danh-gia-2024/index.html"));
    let plan = site.output("kh/index.html");
    assert!(
        !plan.contains("danh-gia-"),
        "no link to a missing evaluation"
    );
    assert!(site.output("kh/index.html").contains("/kh/phuong-phap/"));
}

/// The header's links, in order: (words, address).
fn header_links(html: &str) -> Vec<(String, String)> {
    let nav = element(html, "nav", "site-nav");
    nav.split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let (url, rest) = item.split_once('"').unwrap();
            let text = &rest[rest.find('>').unwrap() + 1..rest.find("</a>").unwrap()];
            (text.to_string(), url.to_string())
        })
        .collect()
}

#[test]
fn the_menu_orders_its_entries_by_weight_and_resolves_at_links() {
    let site = fixture();
    let config = fs::read_to_string(site.path("site-config.toml")).unwrap();
    let menu = "\n[[menu]]\nname = \"Cổng Dịch vụ công\"\nurl = \"https://dichvucong.gov.vn\"\nweight = 30\n\
                \n[[menu]]\nname = { vi = \"Chỉ tiêu\", en = \"Targets\" }\nurl = \"@/kh/chi-tieu\"\nweight = 20\n\
                \n[[menu]]\nname = { vi = \"Kế hoạch\", en = \"The plan\" }\nurl = \"@/kh/_index.md\"\nweight = 10\n";
    site.write("site-config.toml", &format!("{config}{menu}"));
    site.build().assert_ok();
    let vi = header_links(&site.output("index.html"));
    assert_eq!(
        vi,
        [
            ("Kế hoạch".to_string(), "/kh/".to_string()),
            ("Chỉ tiêu".to_string(), "/kh/chi-tieu/".to_string()),
            (
                "Cổng Dịch vụ công".to_string(),
                "https://dichvucong.gov.vn".to_string()
            ),
        ]
    );
    let en = header_links(&site.output("en/index.html"));
    assert_eq!(en[0], ("The plan".to_string(), "/en/kh/".to_string()));
    assert_eq!(en[1].1, "/en/kh/chi-tieu/");
    // The current section is marked on its pages.
    let targets = site.output("kh/chi-tieu/dvc/index.html");
    let nav = element(&targets, "nav", "site-nav");
    assert!(
        nav.contains("href=\"/kh/chi-tieu/\" aria-current=\"true\""),
        "{nav}"
    );

    // A link to no page is an error at its line, with the page probably meant.
    site.write(
        "site-config.toml",
        &format!(
            "{config}{}",
            menu.replace("@/kh/_index.md", "@/kh/_idex.md")
        ),
    );
    let stderr = site.build_fails();
    let line = format!("{config}{menu}")
        .lines()
        .position(|l| l.contains("@/kh/_index.md"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("site-config.toml:{line}:")),
        "{stderr}"
    );
    assert!(stderr.contains("menu entry `Kế hoạch`"), "{stderr}");
    assert!(
        stderr.contains("did you mean `@/kh/_index.md`?"),
        "{stderr}"
    );
}
