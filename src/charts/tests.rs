//! Golden files for representative charts, and checks every chart must pass: well-formed XML,
//! named by its title and description, fluid, script-free, labels inside the viewBox.

use super::*;
use crate::content::plan::period::Period;
use crate::content::plan::status::{Direction, Point, Status};

fn labels(lang: &str) -> Labels {
    let words = |vi: &str, en: &str| String::from(if lang == "vi" { vi } else { en });
    Labels {
        baseline: words("Giá trị cơ sở", "Baseline"),
        target: words("Mục tiêu", "Target"),
        path: words("Lộ trình", "Path to target"),
        milestone: words("Mốc trung gian", "Milestone"),
        no_data: words("Chưa có số liệu", "No data"),
        latest: words("Số liệu mới nhất", "Latest"),
    }
}

fn point(period: &str, value: f64) -> Point {
    Point {
        period: Period::parse(period).unwrap_or_else(|| panic!("period {period}")),
        value,
    }
}

fn points(list: &[(&str, f64)]) -> Vec<Point> {
    list.iter().map(|(p, v)| point(p, *v)).collect()
}

struct Trend {
    lang: &'static str,
    percent: bool,
    unit: &'static str,
    direction: Direction,
    baseline: Point,
    target: Point,
    milestones: Vec<Point>,
    readings: Vec<Point>,
    status: Status,
    title: &'static str,
    description: &'static str,
}

impl Trend {
    /// The narrow drawing.
    fn render(&self, id: &str) -> String {
        self.render_at(id, NARROW)
    }

    fn render_at(&self, id: &str, width: f64) -> String {
        let labels = labels(self.lang);
        trend(&TrendChart {
            id,
            width,
            title: self.title,
            description: self.description,
            lang: self.lang,
            percent: self.percent,
            unit_label: self.unit,
            direction: self.direction,
            baseline: self.baseline,
            target: self.target,
            milestones: &self.milestones,
            readings: &self.readings,
            status: self.status,
            labels: &labels,
        })
    }
}

fn rising_monthly() -> Trend {
    Trend {
        lang: "vi",
        percent: true,
        unit: "",
        direction: Direction::Increase,
        baseline: point("2024", 72.5),
        target: point("2025", 90.0),
        milestones: points(&[("2025-Q2", 80.0)]),
        readings: points(&[
            ("2025-03", 77.0),
            ("2025-01", 74.2),
            ("2025-02", 75.8),
            ("2025-04", 78.3),
            ("2025-05", 79.9),
            ("2025-06", 80.6),
            ("2025-07", 81.7),
            ("2025-08", 83.0),
            ("2025-09", 84.1),
        ]),
        status: Status::OnTrack,
        title: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình",
        description: "Tăng từ 72,5% (2024) lên 84,1% (Tháng 9/2025); mục tiêu 90% vào cuối 2025; đúng tiến độ.",
    }
}

fn falling_quarterly() -> Trend {
    Trend {
        lang: "en",
        percent: false,
        unit: "days",
        direction: Direction::Decrease,
        baseline: point("2023", 12.0),
        target: point("2025-Q4", 5.0),
        milestones: points(&[("2024", 8.5)]),
        readings: points(&[
            ("2024-Q1", 11.6),
            ("2024-Q2", 10.9),
            ("2024-Q3", 10.1),
            ("2024-Q4", 9.4),
            ("2025-Q1", 8.8),
            ("2025-Q2", 8.1),
            ("2025-Q3", 7.6),
        ]),
        status: Status::AtRisk,
        title: "Average days to register a business",
        description: "Down from 12 days (2023) to 7.6 days (Q3 2025); target 5 days by Q4 2025; at risk.",
    }
}

fn gap_mixed() -> Trend {
    Trend {
        lang: "vi",
        percent: true,
        unit: "",
        direction: Direction::Increase,
        baseline: point("2022", 41.0),
        target: point("2025", 70.0),
        milestones: points(&[("2023", 50.0), ("2024", 60.0)]),
        readings: points(&[
            ("2022", 41.0),
            ("2023", 47.5),
            ("2024-Q1", 50.2),
            ("2024-Q2", 52.0),
            // 2024-Q3 missing: the line breaks.
            ("2024-Q4", 55.4),
            ("2025-01", 56.0),
            ("2025-02", 56.9),
            // 2025-03 missing: the line breaks again.
            ("2025-04", 58.1),
            ("2025-05", 58.8),
            ("2025-06", 59.5),
        ]),
        status: Status::AtRisk,
        title: "Tỷ lệ doanh nghiệp sử dụng hóa đơn điện tử",
        description: "Tăng từ 41% (2022) lên 59,5% (Tháng 6/2025), thiếu số liệu Quý 3/2024 và Tháng 3/2025; mục tiêu 70% vào cuối 2025; có nguy cơ chậm.",
    }
}

fn single_reading() -> Trend {
    Trend {
        lang: "en",
        percent: false,
        unit: "systems",
        direction: Direction::Increase,
        baseline: point("2024", 40.0),
        target: point("2026", 60.0),
        milestones: Vec::new(),
        readings: points(&[("2025-Q1", 45.0)]),
        status: Status::OnTrack,
        title: "Information systems connected to the provincial data platform",
        description: "45 systems in Q1 2025, up from 40 (2024); target 60 by the end of 2026; on track.",
    }
}

fn negative_values() -> Trend {
    Trend {
        lang: "vi",
        percent: false,
        unit: "tỷ đồng",
        direction: Direction::Increase,
        baseline: point("2023", -8.0),
        target: point("2025", 0.0),
        milestones: Vec::new(),
        readings: points(&[
            ("2024-Q1", -6.5),
            ("2024-Q2", -3.8),
            ("2024-Q3", -1.2),
            ("2024-Q4", 1.5),
            ("2025-Q1", 2.25),
        ]),
        status: Status::Achieved,
        title: "Cân đối thu chi của quỹ đầu tư phát triển",
        description: "Từ −8 tỷ đồng (2023) lên 2,25 tỷ đồng (Quý 1/2025); mục tiêu 0 tỷ đồng vào cuối 2025; đã đạt.",
    }
}

const DEPARTMENTS: [(&str, f64); 10] = [
    ("Sở Nông nghiệp và Phát triển nông thôn", 78.4),
    ("Sở Tài nguyên và Môi trường", 91.2),
    ("Ban Quản lý các khu công nghiệp tỉnh", 66.0),
    ("Sở Lao động – Thương binh và Xã hội", 88.9),
    ("Sở Văn hóa, Thể thao và Du lịch", 95.5),
    ("Sở Kế hoạch và Đầu tư", 99.1),
    ("Sở Giao thông vận tải", 72.3),
    (
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh",
        84.0,
    ),
    ("Sở Thông tin và Truyền thông", 97.8),
    ("Sở Y tế", 59.6),
];

fn breakdown_departments(width: f64) -> String {
    let labels = labels("vi");
    let bars: Vec<Bar> = DEPARTMENTS
        .iter()
        .map(|(label, value)| Bar {
            label,
            value: *value,
        })
        .collect();
    breakdown(&BreakdownChart {
        id: "by-department",
        width,
        title: "Tỷ lệ hồ sơ giải quyết đúng hạn theo sở, ngành, Quý 3/2025",
        description: "Cao nhất Sở Kế hoạch và Đầu tư 99,1%, thấp nhất Sở Y tế 59,6%; 4 trên 10 đơn vị đạt mục tiêu 90%.",
        lang: "vi",
        percent: true,
        unit_label: "",
        bars: &bars,
        target: Some(90.0),
        labels: &labels,
    })
}

fn bullet_card(width: f64) -> String {
    let labels = labels("vi");
    bullet(&BulletChart {
        id: "card-online",
        width,
        title: "Tỷ lệ hồ sơ trực tuyến toàn trình",
        description: "84,1% (Tháng 9/2025), đã đi được 67% chặng đường từ 72,5% đến mục tiêu 90%; đúng tiến độ.",
        lang: "vi",
        percent: true,
        direction: Direction::Increase,
        baseline: 72.5,
        target: 90.0,
        latest: Some(84.1),
        status: Status::OnTrack,
        labels: &labels,
    })
}

fn sparkline_home() -> String {
    let readings = points(&[
        ("2024-10", 61.0),
        ("2024-11", 62.5),
        ("2024-12", 62.0),
        ("2025-02", 64.8),
        ("2025-03", 65.1),
        ("2025-04", 66.9),
        ("2025-05", 66.0),
        ("2025-06", 67.2),
    ]);
    sparkline(&Sparkline {
        id: "spark-3",
        title: "Tỷ lệ hộ gia đình có hợp đồng điện tử",
        description: "67,2% (Tháng 6/2025); mục tiêu 80%; có nguy cơ chậm.",
        readings: &readings,
        target: Some(80.0),
        status: Status::AtRisk,
    })
}

fn status_bar_targets(width: f64) -> String {
    let segments = [
        Segment {
            key: "achieved",
            label: "Đã đạt",
            count: 3,
        },
        Segment {
            key: "on_track",
            label: "Đúng tiến độ",
            count: 5,
        },
        Segment {
            key: "at_risk",
            label: "Có nguy cơ chậm",
            count: 2,
        },
        Segment {
            key: "off_track",
            label: "Chậm tiến độ",
            count: 1,
        },
        Segment {
            key: "no_data",
            label: "Chưa có số liệu",
            count: 1,
        },
    ];
    status_bar(&StatusBar {
        id: "plan-targets",
        width,
        title: "Chỉ tiêu theo tình trạng",
        description: "12 chỉ tiêu: 3 đã đạt, 5 đúng tiến độ, 2 có nguy cơ chậm, 1 chậm tiến độ, 1 chưa có số liệu.",
        lang: "vi",
        segments: &segments,
    })
}

fn status_bar_tasks(width: f64) -> String {
    let segments = [
        Segment {
            key: "done",
            label: "Done",
            count: 1240,
        },
        Segment {
            key: "in_progress",
            label: "In progress",
            count: 806,
        },
        Segment {
            key: "not_started",
            label: "Not started",
            count: 152,
        },
        Segment {
            key: "overdue",
            label: "Overdue",
            count: 3,
        },
        Segment {
            key: "cancelled",
            label: "Cancelled",
            count: 0,
        },
    ];
    status_bar(&StatusBar {
        id: "plan-tasks",
        width,
        title: "Tasks by status",
        description: "2,201 tasks: 1,240 done, 806 in progress, 152 not started, 3 overdue.",
        lang: "en",
        segments: &segments,
    })
}

/// Every chart but the sparkline in both its drawings, named `NAME-narrow` and `NAME-wide`.
fn golden_cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (suffix, width) in [("narrow", NARROW), ("wide", WIDE)] {
        let cases = [
            (
                "trend-rising-monthly-vi",
                rising_monthly().render_at("trend-online", width),
            ),
            (
                "trend-falling-quarterly-en",
                falling_quarterly().render_at("trend-days", width),
            ),
            (
                "trend-gap-mixed-periods-vi",
                gap_mixed().render_at("trend-einvoice", width),
            ),
            (
                "trend-single-reading-en",
                single_reading().render_at("trend-systems", width),
            ),
            (
                "trend-negative-vi",
                negative_values().render_at("trend-balance", width),
            ),
            ("breakdown-departments-vi", breakdown_departments(width)),
            ("map-communes-vi", super::map::tests::golden_map(width)),
            ("bullet-vi", bullet_card(width)),
            ("status-bar-targets-vi", status_bar_targets(width)),
            ("status-bar-tasks-en", status_bar_tasks(width)),
        ];
        for (name, svg) in cases {
            out.push((format!("{name}-{suffix}"), svg));
        }
    }
    out.push((String::from("sparkline"), sparkline_home()));
    out
}

#[test]
fn golden_files_match() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/charts/golden");
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let mut failures = Vec::new();
    let cases = golden_cases();
    if update {
        // Files of cases that are gone go too.
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().replace(".svg", "");
            if !cases.iter().any(|(case, _)| *case == name) {
                std::fs::remove_file(entry.path()).unwrap();
            }
        }
    }
    for (name, svg) in cases {
        let path = dir.join(format!("{name}.svg"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &svg).unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read_to_string(&path) else {
            failures.push(format!(
                "{name}: no golden file; run UPDATE_GOLDEN=1 cargo test --lib charts"
            ));
            continue;
        };
        if expected != svg {
            failures.push(format!("{name}:\n{}", first_difference(&expected, &svg)));
        }
    }
    assert!(
        failures.is_empty(),
        "charts differ from their golden files (UPDATE_GOLDEN=1 rewrites them):\n{}",
        failures.join("\n")
    );
}

/// The first lines that differ, as a reader would want to see them.
fn first_difference(expected: &str, actual: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let i = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    format!(
        "  line {}\n  - {}\n  + {}",
        i + 1,
        a.get(i).unwrap_or(&"(end)"),
        b.get(i).unwrap_or(&"(end)")
    )
}

/// Everything a chart must be, whatever its data.
fn assert_valid(name: &str, svg: &str) {
    let doc = roxmltree::Document::parse(svg)
        .unwrap_or_else(|e| panic!("{name}: not well-formed XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{name}");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg"),
        "{name}"
    );
    assert_eq!(root.attribute("role"), Some("img"), "{name}");
    assert_eq!(
        root.attribute("preserveAspectRatio"),
        Some("xMidYMid meet"),
        "{name}"
    );
    assert!(
        root.attribute("width").is_none() && root.attribute("height").is_none(),
        "{name}: fixed size"
    );
    assert!(
        root.attribute("class")
            .unwrap_or("")
            .starts_with("chart chart-"),
        "{name}"
    );
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .unwrap_or_else(|| panic!("{name}: no viewBox"))
        .split(' ')
        .map(|n| n.parse().unwrap())
        .collect();
    let (width, height) = (view_box[2], view_box[3]);
    assert!(width > 0.0 && height > 0.0, "{name}: {view_box:?}");

    let children: Vec<_> = root.children().filter(|n| n.is_element()).collect();
    assert_eq!(children[0].tag_name().name(), "title", "{name}");
    assert_eq!(children[1].tag_name().name(), "desc", "{name}");
    let ids = root.attribute("aria-labelledby").unwrap_or("");
    let ids: Vec<&str> = ids.split(' ').collect();
    assert_eq!(ids.len(), 2, "{name}");
    for (id, node) in ids.iter().zip(&children[..2]) {
        assert_eq!(node.attribute("id"), Some(*id), "{name}");
        let text = node.text().unwrap_or("").trim();
        assert!(!text.is_empty(), "{name}: empty {}", node.tag_name().name());
    }
    assert_eq!(
        children[2].attribute("aria-hidden"),
        Some("true"),
        "{name}: the drawing is hidden from screen readers"
    );

    for node in doc.descendants().filter(|n| n.is_element()) {
        let tag = node.tag_name().name();
        assert!(
            !matches!(tag, "script" | "style" | "foreignObject" | "image" | "font"),
            "{name}: <{tag}>"
        );
        for attr in node.attributes() {
            // The one inline style is paint order (halos under text), which the Nu HTML
            // checker does not accept as an attribute.
            let harmless_style = attr.name() == "style" && attr.value() == "paint-order:stroke";
            assert!(
                (harmless_style || !matches!(attr.name(), "font-family" | "style" | "href"))
                    && !attr.name().starts_with("on"),
                "{name}: {tag} has {}",
                attr.name()
            );
            assert!(
                !attr.value().contains("NaN") && !attr.value().contains("inf"),
                "{name}: {tag} {}={}",
                attr.name(),
                attr.value()
            );
        }
        if let Some(url) = node.attribute("fill").and_then(|f| f.strip_prefix("url(#")) {
            let id = url.trim_end_matches(')');
            assert!(
                doc.descendants().any(|n| n.attribute("id") == Some(id)),
                "{name}: {id} is not defined"
            );
        }
        if tag == "text" {
            assert_text_inside(name, node, width, height);
        }
    }
}

/// A label's estimated box lies within the viewBox.
fn assert_text_inside(name: &str, node: roxmltree::Node, width: f64, height: f64) {
    let number = |attr: &str| node.attribute(attr).and_then(|v| v.parse::<f64>().ok());
    let size = node
        .ancestors()
        .find_map(|n| n.attribute("font-size"))
        .and_then(|s| s.parse().ok())
        .unwrap_or(FONT);
    let content = node.text().unwrap_or("");
    let (x, y) = (number("x").unwrap_or(0.0), number("y").unwrap_or(0.0));
    let w = text_width(content, size);
    let left = match node.attribute("text-anchor") {
        Some("middle") => x - w / 2.0,
        Some("end") => x - w,
        _ => x,
    };
    assert!(
        left >= 0.0 && left + w <= width + 0.5,
        "{name}: {content:?} spans {left:.1}..{:.1} of {width}",
        left + w
    );
    assert!(
        y - size * 0.75 >= 0.0 && y + size * 0.25 <= height,
        "{name}: {content:?} at y {y} of {height}"
    );
}

#[test]
fn golden_charts_are_valid_and_deterministic() {
    let again = golden_cases();
    for ((name, svg), (_, twice)) in golden_cases().into_iter().zip(again) {
        assert_valid(&name, &svg);
        assert_eq!(svg, twice, "{name}: not deterministic");
    }
}

fn desc_of(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .find(|n| n.has_tag_name("desc"))
        .and_then(|n| n.text())
        .unwrap_or("")
        .to_string()
}

#[test]
fn descriptions_name_the_latest_value_the_target_and_the_status() {
    let cases = [
        (rising_monthly(), ["84,1%", "90%", "đúng tiến độ"]),
        (falling_quarterly(), ["7.6 days", "5 days", "at risk"]),
        (gap_mixed(), ["59,5%", "70%", "có nguy cơ chậm"]),
        (single_reading(), ["45 systems", "60", "on track"]),
        (negative_values(), ["2,25", "0 tỷ đồng", "đã đạt"]),
    ];
    for (case, words) in cases {
        let desc = desc_of(&case.render("t"));
        for word in words {
            assert!(desc.contains(word), "{desc:?} lacks {word:?}");
        }
    }
    // Left empty by the caller, the description still names the latest value and target.
    let mut plain = rising_monthly();
    plain.description = "";
    let desc = desc_of(&plain.render("t"));
    assert!(desc.contains("84,1% (Tháng 9/2025)"), "{desc}");
    assert!(desc.contains("Mục tiêu 90% (2025)"), "{desc}");
}

#[test]
fn the_trend_line_breaks_at_missing_periods() {
    let svg = gap_mixed().render("t");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let series = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("series"))
        .unwrap();
    let d = series.attribute("d").unwrap();
    // 2022 → 2023 → Q1 → Q2 | Q4 → Jan → Feb | Apr → May → Jun.
    assert_eq!(d.matches('M').count(), 3, "{d}");
    assert_eq!(d.matches('L').count(), 7, "{d}");
    // One status marker (at risk: a triangle), and a dot for every other reading.
    let readings = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("reading"))
        .count();
    assert_eq!(readings, 9);
    assert_eq!(
        doc.descendants()
            .filter(|n| n.attribute("class") == Some("marker status-at_risk"))
            .count(),
        1
    );
}

#[test]
fn labels_follow_the_language() {
    let vi = rising_monthly().render("t");
    assert!(vi.contains(">Mục tiêu 90% (2025)<"), "{vi}");
    assert!(vi.contains(">Giá trị cơ sở 72,5% (2024)<"), "{vi}");
    assert!(vi.contains(">84,1%<"), "{vi}");
    // A year of monthly readings counts in quarters, each year named once.
    assert!(vi.contains(">Quý 2<") && vi.contains(">2025<"), "{vi}");
    let drawing = &vi[vi.find("<g aria-hidden").unwrap()..];
    assert!(!drawing.contains("Tháng"), "{vi}");
    let en = falling_quarterly().render("t");
    assert!(en.contains(">Target 5 (Q4 2025)<"), "{en}");
    // Two years of quarterly readings count in years.
    assert!(en.contains(">2024<") && !en.contains(">Q"), "{en}");
    assert!(en.contains(">7.6<"), "{en}");
    assert!(en.contains(">days<"), "{en}");
    let tasks = status_bar_tasks(NARROW);
    assert!(tasks.contains(">Done: 1,240<"), "{tasks}");
    assert!(tasks.contains(">Cancelled: 0<"), "{tasks}");
}

#[test]
fn long_names_wrap_and_keep_the_full_name_in_a_title() {
    let svg = breakdown_departments(NARROW);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let rows: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("row"))
        .collect();
    assert_eq!(rows.len(), 10);
    let titles: Vec<&str> = rows
        .iter()
        .map(|r| r.children().find(|c| c.has_tag_name("title")).unwrap())
        .map(|t| t.text().unwrap())
        .collect();
    // Largest first.
    assert_eq!(titles[0], "Sở Kế hoạch và Đầu tư: 99,1%");
    assert_eq!(titles[9], "Sở Y tế: 59,6%");
    assert!(
        titles.contains(&"Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh: 84%"),
        "{titles:?}"
    );
    assert!(svg.contains(">Mục tiêu 90%<"));

    // Past two lines a name is shortened, and still whole in the row's title.
    let long = "Ban Chỉ đạo thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới và giảm nghèo bền vững giai đoạn 2021–2025 của tỉnh";
    let labels = labels("vi");
    let svg = breakdown(&BreakdownChart {
        id: "b",
        width: NARROW,
        title: "t",
        description: "d",
        lang: "vi",
        percent: true,
        unit_label: "",
        bars: &[Bar {
            label: long,
            value: 50.0,
        }],
        target: None,
        labels: &labels,
    });
    assert!(svg.contains("…</text>"), "{svg}");
    assert!(
        svg.contains(&format!("<title>{long}: 50%</title>")),
        "{svg}"
    );
    assert_valid("long name", &svg);
}

/// A change to a trend's data.
type Change = Box<dyn Fn(&mut Trend)>;

/// Charts from awkward data: each must still be valid, and none may panic.
fn edge_cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    out.extend(trend_edge_cases());
    out.extend(breakdown_edge_cases());
    out.extend(bullet_edge_cases());
    out.extend(sparkline_edge_cases());
    out.extend(status_bar_edge_cases());
    out
}

/// Trends from the rising monthly example, each changed in one awkward way.
fn trend_edge_cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let base = rising_monthly();
    for (name, change) in trend_changes() {
        let mut t = Trend {
            milestones: base.milestones.clone(),
            readings: base.readings.clone(),
            ..base
        };
        change(&mut t);
        for width in [NARROW, WIDE] {
            out.push((
                format!("trend {width}: {name}"),
                t.render_at("9 odd id&", width),
            ));
        }
    }
    out
}

/// The awkward changes `trend_edge_cases` makes, each with its name.
fn trend_changes() -> Vec<(&'static str, Change)> {
    vec![
        ("no readings", Box::new(|t| t.readings.clear())),
        (
            "non-finite values",
            Box::new(|t| {
                t.readings.push(point("2025-10", f64::NAN));
                t.readings.push(point("2025-11", f64::INFINITY));
                t.milestones.push(point("2025-Q3", f64::NEG_INFINITY));
            }),
        ),
        (
            "everything non-finite",
            Box::new(|t| {
                t.readings = points(&[("2025-01", f64::NAN)]);
                t.baseline.value = f64::NAN;
                t.target.value = f64::INFINITY;
                t.milestones.clear();
            }),
        ),
        (
            "target equals baseline",
            Box::new(|t| {
                t.direction = Direction::Maintain;
                t.target = point("2025", 72.5);
                t.milestones.clear();
            }),
        ),
        (
            "all values equal",
            Box::new(|t| {
                t.baseline = point("2024", 50.0);
                t.target = point("2025", 50.0);
                t.milestones.clear();
                t.readings = points(&[("2025-01", 50.0), ("2025-02", 50.0)]);
            }),
        ),
        (
            "all zero, counted",
            Box::new(|t| {
                t.percent = false;
                t.unit = "vụ";
                t.baseline = point("2025-06", 0.0);
                t.target = point("2025-06", 0.0);
                t.milestones.clear();
                t.readings = points(&[("2025-06", 0.0)]);
            }),
        ),
        (
            "falling to zero percent",
            Box::new(|t| {
                t.direction = Direction::Decrease;
                t.baseline = point("2024", 12.0);
                t.target = point("2025", 0.0);
                t.milestones.clear();
                t.readings = points(&[("2025-Q1", 9.0), ("2025-Q2", 6.5)]);
            }),
        ),
        (
            "huge counts",
            Box::new(|t| {
                t.percent = false;
                t.unit = "VND";
                t.baseline = point("2023", 1_250_000_000.0);
                t.target = point("2030", 9_800_000_000.0);
                t.milestones.clear();
                t.readings = points(&[("2024", 2_100_000_000.0), ("2025-Q2", 3_333_333_333.3)]);
            }),
        ),
        (
            "extreme magnitudes",
            Box::new(|t| {
                t.percent = false;
                t.baseline = point("2024", -1e308);
                t.target = point("2025", 1e308);
                t.readings = points(&[("2025-01", 1e-300), ("2025-02", 2e-300)]);
            }),
        ),
        (
            "tiny range",
            Box::new(|t| {
                t.percent = false;
                t.baseline = point("2024", 1e-300);
                t.target = point("2025", 3e-300);
                t.milestones.clear();
                t.readings = points(&[("2025-01", 2e-300)]);
            }),
        ),
        (
            "daily readings, one far off",
            Box::new(|t| {
                t.readings = points(&[
                    ("2025-03-01", 73.0),
                    ("2025-03-02", 74.0),
                    ("2025-09-30", 84.0),
                ]);
            }),
        ),
        (
            "readings past the target",
            Box::new(|t| {
                t.readings = points(&[("2026-03", 95.0), ("2024-06", 60.0)]);
                t.status = Status::Achieved;
            }),
        ),
        (
            "odd id and text",
            Box::new(|t| {
                t.title = "A & B <c> \"d\" 'e'";
                t.description = "   ";
            }),
        ),
        ("no data status", Box::new(|t| t.status = Status::NoData)),
        (
            "off track status",
            Box::new(|t| t.status = Status::OffTrack),
        ),
        ("achieved status", Box::new(|t| t.status = Status::Achieved)),
    ]
}

/// Breakdowns without bars, with negative, missing and equal values, and an unbreakable name.
fn breakdown_edge_cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let labels = labels("en");
    let bar_sets: Vec<(&str, Vec<Bar>, Option<f64>)> = vec![
        ("no bars", vec![], Some(90.0)),
        (
            "one bar",
            vec![Bar {
                label: "Commune",
                value: 12.0,
            }],
            None,
        ),
        (
            "negative and missing",
            vec![
                Bar {
                    label: "North",
                    value: -4.5,
                },
                Bar {
                    label: "South",
                    value: f64::NAN,
                },
                Bar {
                    label: "East",
                    value: 7.25,
                },
                Bar {
                    label: "",
                    value: 0.0,
                },
            ],
            Some(f64::NAN),
        ),
        (
            "equal values",
            vec![
                Bar {
                    label: "A",
                    value: 3.0,
                },
                Bar {
                    label: "B",
                    value: 3.0,
                },
            ],
            Some(3.0),
        ),
        (
            "one unbreakable name",
            vec![Bar {
                label: "ỦybannhândânxãPhướcHưnghuyệnLongĐiềntỉnhBàRịa–VũngTàu",
                value: 1_000_000.0,
            }],
            Some(2_500_000.0),
        ),
    ];
    for (name, bars, target) in bar_sets {
        for (percent, width) in [(false, NARROW), (true, NARROW), (false, WIDE), (true, WIDE)] {
            out.push((
                format!("breakdown {width}: {name}, percent {percent}"),
                breakdown(&BreakdownChart {
                    id: "b",
                    width,
                    title: "By commune",
                    description: "",
                    lang: "en",
                    percent,
                    unit_label: if percent { "" } else { "households" },
                    bars: &bars,
                    target,
                    labels: &labels,
                }),
            ));
        }
    }
    out
}

/// Bullets with missing, equal, reversed and out-of-range figures, in every status.
fn bullet_edge_cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let labels = labels("en");
    let bullets = [
        ("no reading", 72.5, 90.0, None, Direction::Increase),
        ("equal ends", 50.0, 50.0, Some(49.0), Direction::Increase),
        ("maintain", 100.0, 100.0, Some(100.0), Direction::Maintain),
        ("falling", 12.0, 5.0, Some(7.6), Direction::Decrease),
        (
            "beyond target",
            10.0,
            20.0,
            Some(400.0),
            Direction::Increase,
        ),
        ("wrong way", 10.0, 20.0, Some(-300.0), Direction::Increase),
        (
            "non-finite",
            f64::NAN,
            f64::INFINITY,
            Some(f64::NAN),
            Direction::Increase,
        ),
        ("zeros", 0.0, 0.0, Some(0.0), Direction::Maintain),
    ];
    for (name, baseline, target, latest, direction) in bullets {
        for (status, width) in Status::ALL
            .into_iter()
            .zip([NARROW, WIDE].into_iter().cycle())
        {
            out.push((
                format!("bullet {width}: {name} {status:?}"),
                bullet(&BulletChart {
                    id: "c",
                    width,
                    title: "Card",
                    description: "",
                    lang: "vi",
                    percent: true,
                    direction,
                    baseline,
                    target,
                    latest,
                    status,
                    labels: &labels,
                }),
            ));
        }
    }
    out
}

/// Sparklines without readings, with one, with equal and with non-finite ones.
fn sparkline_edge_cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let sparks: Vec<(&str, Vec<Point>, Option<f64>)> = vec![
        ("empty", vec![], None),
        ("empty with target", vec![], Some(3.0)),
        ("single", points(&[("2025", 4.0)]), Some(4.0)),
        ("equal", points(&[("2024", 4.0), ("2025", 4.0)]), None),
        (
            "non-finite",
            points(&[("2024", f64::NAN), ("2025", 1.0)]),
            Some(f64::NAN),
        ),
    ];
    for (name, readings, target) in sparks {
        out.push((
            format!("sparkline: {name}"),
            sparkline(&Sparkline {
                id: "",
                title: "",
                description: "",
                readings: &readings,
                target,
                status: Status::NoData,
            }),
        ));
    }
    out
}

/// Status bars without segments, with only zero counts and with unknown keys.
fn status_bar_edge_cases() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let segment_sets: Vec<(&str, Vec<Segment>)> = vec![
        ("no segments", vec![]),
        (
            "all zero",
            vec![
                Segment {
                    key: "done",
                    label: "Done",
                    count: 0,
                },
                Segment {
                    key: "overdue",
                    label: "Overdue",
                    count: 0,
                },
            ],
        ),
        (
            "unknown keys",
            vec![
                Segment {
                    key: "weird key\"<>",
                    label: "Weird & odd",
                    count: 1,
                },
                Segment {
                    key: "",
                    label: "",
                    count: 1_000_000,
                },
            ],
        ),
    ];
    for (name, segments) in segment_sets {
        for width in [NARROW, WIDE, f64::NAN, 1.0] {
            out.push((
                format!("status bar {width}: {name}"),
                status_bar(&StatusBar {
                    id: "s",
                    width,
                    title: "Targets",
                    description: "",
                    lang: "en",
                    segments: &segments,
                }),
            ));
        }
    }
    out
}

#[test]
fn awkward_data_still_makes_valid_charts() {
    for (name, svg) in edge_cases() {
        assert_valid(&name, &svg);
    }
}

#[test]
fn text_is_escaped_and_ids_are_safe() {
    let mut t = rising_monthly();
    t.title = "A & B <c> \"d\" 'e'";
    let svg = t.render("9 odd id&");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some("A & B <c> \"d\" 'e'"));
    assert_eq!(title.attribute("id"), Some("chart-9-odd-id--title"));
}

#[test]
fn status_is_shown_by_shape_and_pattern() {
    // Each status has its own marker shape: its drawing differs from every other's.
    let mut shapes = Vec::new();
    for status in Status::ALL {
        let mut t = single_reading();
        t.status = status;
        let svg = t.render("t");
        let start = svg.find(&format!("status-{}", status.key())).unwrap();
        let element = &svg[svg[..start].rfind('<').unwrap()..];
        let element = &element[..element.find('>').unwrap()];
        let shape = element
            .replace(status.key(), "")
            .replace(status_colour(status.key()), "");
        assert!(
            !shapes.contains(&shape),
            "{status:?} looks like another status"
        );
        shapes.push(shape);
    }
    // Each status in the stacked bar has its own pattern, and its count in words.
    let svg = status_bar_targets(NARROW);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let inks: Vec<Option<&str>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("pattern"))
        .map(|p| {
            p.children()
                .find(|c| c.attribute("class") == Some("pattern-ink"))
                .and_then(|c| c.attribute("d"))
        })
        .collect();
    let distinct: std::collections::BTreeSet<_> = inks.iter().collect();
    assert_eq!(inks.len(), 5);
    assert_eq!(distinct.len(), inks.len(), "patterns repeat: {inks:?}");
    for words in [
        "Đã đạt: 3",
        "Đúng tiến độ: 5",
        "Có nguy cơ chậm: 2",
        "Chậm tiến độ: 1",
    ] {
        assert!(svg.contains(words), "{words}");
    }
}

/// A drawn thing a label must not touch: a line (x1, y1, x2, y2, half its stroke) or a box.
enum Shape {
    Segment(f64, f64, f64, f64, f64),
    Box(f64, f64, f64, f64),
}

/// A text's box as the layout assumes browsers draw it: estimated width, the tallest usual
/// line box (see `ASCENT`).
fn text_rect(node: roxmltree::Node) -> (f64, f64, f64, f64) {
    let number = |attr: &str| node.attribute(attr).and_then(|v| v.parse::<f64>().ok());
    let size = node
        .ancestors()
        .find_map(|n| n.attribute("font-size"))
        .and_then(|s| s.parse().ok())
        .unwrap_or(FONT);
    let bold = node.attribute("font-weight") == Some("700");
    let content = node.text().unwrap_or("");
    let w = text_width(content, size) * if bold { 1.05 } else { 1.0 };
    let (x, y) = (number("x").unwrap_or(0.0), number("y").unwrap_or(0.0));
    let left = match node.attribute("text-anchor") {
        Some("middle") => x - w / 2.0,
        Some("end") => x - w,
        _ => x,
    };
    (left, y - size * ASCENT, left + w, y + size * DESCENT)
}

/// The numbers of a path's `d` as absolute points (M, L, H, V and Z, and the relative arcs of
/// the ring marker, counted as their whole circle).
fn path_points(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut current = String::new();
    for c in d.chars() {
        if c.is_ascii_alphabetic() {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            tokens.push(c.to_string());
        } else if c == ',' || c == ' ' {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
        } else if c == '-' && !current.is_empty() && !current.ends_with('e') {
            tokens.push(std::mem::take(&mut current));
            current.push(c);
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    let mut i = 0;
    let mut command = 'M';
    let mut at = (0.0, 0.0);
    let num = |t: &str| {
        t.parse::<f64>()
            .unwrap_or_else(|_| panic!("number {t:?} in {d}"))
    };
    while i < tokens.len() {
        if tokens[i].chars().all(|c| c.is_ascii_alphabetic()) {
            command = tokens[i].chars().next().unwrap();
            i += 1;
            if command == 'Z' {
                continue;
            }
        }
        match command {
            'M' => {
                at = (num(&tokens[i]), num(&tokens[i + 1]));
                runs.push(vec![at]);
                i += 2;
                command = 'L';
            }
            'L' => {
                at = (num(&tokens[i]), num(&tokens[i + 1]));
                runs.last_mut().unwrap().push(at);
                i += 2;
            }
            'H' => {
                at.0 = num(&tokens[i]);
                runs.last_mut().unwrap().push(at);
                i += 1;
            }
            'V' => {
                at.1 = num(&tokens[i]);
                runs.last_mut().unwrap().push(at);
                i += 1;
            }
            'h' => {
                at.0 += num(&tokens[i]);
                runs.last_mut().unwrap().push(at);
                i += 1;
            }
            'a' => {
                let r = num(&tokens[i]);
                let (dx, dy) = (num(&tokens[i + 5]), num(&tokens[i + 6]));
                let run = runs.last_mut().unwrap();
                run.extend([(at.0, at.1 - r), (at.0, at.1 + r)]);
                at = (at.0 + dx, at.1 + dy);
                run.extend([at, (at.0, at.1 - r), (at.0, at.1 + r)]);
                i += 7;
            }
            other => panic!("path command {other} in {d}"),
        }
    }
    runs
}

/// Everything drawn in a chart that is not text, the faint grid and pattern tiles aside.
fn drawn_shapes(doc: &roxmltree::Document) -> Vec<(String, Shape)> {
    let mut out = Vec::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        if node.ancestors().any(|a| a.has_tag_name("defs")) {
            continue;
        }
        let class = node.attribute("class").unwrap_or("").to_string();
        let num = |attr: &str| {
            node.attribute(attr)
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        let half = num("stroke-width") / 2.0;
        match node.tag_name().name() {
            "line" if class != "grid" => out.push((
                class,
                Shape::Segment(num("x1"), num("y1"), num("x2"), num("y2"), half),
            )),
            "rect" => {
                let (x, y) = (num("x"), num("y"));
                let (w, h) = (num("width"), num("height"));
                out.push((
                    class,
                    Shape::Box(x - half, y - half, x + w + half, y + h + half),
                ));
            }
            "circle" => {
                let (cx, cy, r) = (num("cx"), num("cy"), num("r") + half);
                out.push((class, Shape::Box(cx - r, cy - r, cx + r, cy + r)));
            }
            "path" => {
                let runs = path_points(node.attribute("d").unwrap_or(""));
                // Unfilled paths are lines (the readings, a broken target line), and a
                // map's places are their outlines; other filled ones are markers.
                if node.attribute("fill") == Some("none") || class.starts_with("area ") {
                    for run in runs {
                        for pair in run.windows(2) {
                            let ((x1, y1), (x2, y2)) = (pair[0], pair[1]);
                            out.push((class.clone(), Shape::Segment(x1, y1, x2, y2, half)));
                        }
                    }
                } else {
                    let points: Vec<(f64, f64)> = runs.into_iter().flatten().collect();
                    let (x0, y0, x1, y1) = points.iter().fold(
                        (
                            f64::INFINITY,
                            f64::INFINITY,
                            f64::NEG_INFINITY,
                            f64::NEG_INFINITY,
                        ),
                        |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
                    );
                    out.push((
                        class,
                        Shape::Box(x0 - half, y0 - half, x1 + half, y1 + half),
                    ));
                }
            }
            _ => {}
        }
    }
    out
}

fn boxes_meet(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Whether a line of stroke half-width `pad` with butt ends covers part of a box: sampled
/// finely along the line and across its stroke (the test's own method, apart from the
/// layout's clipping).
fn segment_meets(
    r: (f64, f64, f64, f64),
    (x1, y1, x2, y2, pad): (f64, f64, f64, f64, f64),
) -> bool {
    let length = (x2 - x1).hypot(y2 - y1);
    let (nx, ny) = if length > 0.0 {
        (-(y2 - y1) / length, (x2 - x1) / length)
    } else {
        (0.0, 0.0)
    };
    let inside = |x: f64, y: f64| r.0 < x && x < r.2 && r.1 < y && y < r.3;
    let steps = 400;
    (0..=steps).any(|i| {
        let t = i as f64 / steps as f64;
        let (x, y) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
        (-4..=4).any(|k| {
            let s = pad * k as f64 / 4.0;
            inside(x + nx * s, y + ny * s)
        })
    })
}

/// Every text of `svg` against every other and against every line, point, marker and bar.
fn collisions(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let texts: Vec<(String, (f64, f64, f64, f64))> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| (n.text().unwrap_or("").to_string(), text_rect(n)))
        .collect();
    let shapes = drawn_shapes(&doc);
    let mut out = Vec::new();
    for (i, (a, ra)) in texts.iter().enumerate() {
        for (b, rb) in &texts[i + 1..] {
            if boxes_meet(*ra, *rb) {
                out.push(format!("{a:?} overlaps {b:?}"));
            }
        }
        for (class, shape) in &shapes {
            let meets = match *shape {
                Shape::Segment(x1, y1, x2, y2, pad) => segment_meets(*ra, (x1, y1, x2, y2, pad)),
                Shape::Box(x0, y0, x1, y1) => boxes_meet(*ra, (x0, y0, x1, y1)),
            };
            if meets {
                out.push(format!("{a:?} touches a {class:?}"));
            }
        }
    }
    out
}

/// Each label's box (from `text_width` and the font's line box) against every other label,
/// line segment, point, marker and bar, in both drawings of every golden chart and of every
/// awkward one.
#[test]
fn no_label_touches_a_line_a_point_or_another_label() {
    let mut failures = Vec::new();
    for (name, svg) in golden_cases().into_iter().chain(edge_cases()) {
        for problem in collisions(&svg) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_collision_check_sees_collisions() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 140"><g font-size="14">
<text x="10" y="20">Target 90%</text>
<text x="30" y="24">84%</text>
<line class="target" x1="0" y1="50" x2="100" y2="50" stroke-width="2"/>
<text x="5" y="54">on the line</text>
<path class="series" d="M0,90L100,70" stroke-width="2"/>
<text x="40" y="84">crossed</text>
<circle class="reading" cx="60" cy="120" r="3"/>
<text x="50" y="124">dot</text>
</g></svg>"#;
    let found = collisions(svg);
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found[0].contains("\"Target 90%\" overlaps \"84%\""),
        "{found:?}"
    );
}

#[test]
fn framed_charts_come_in_two_drawings_with_their_own_ids() {
    let html = framed("chart-trend-x", |width, id| {
        rising_monthly().render_at(id, width)
    });
    assert!(html.starts_with("<div class=\"chart-frame\"><div class=\"chart-narrow\">\n<svg"));
    // Without the theme's rules only the narrow drawing shows.
    assert!(
        html.contains("</div><div class=\"chart-wide\" hidden>\n<svg"),
        "{html}"
    );
    let narrow = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap() + 6];
    let rest = &html[html.find("chart-wide").unwrap()..];
    let wide = &rest[rest.find("<svg").unwrap()..rest.find("</svg>").unwrap() + 6];
    for (svg, width, id) in [
        (narrow, "288", "chart-trend-x-narrow"),
        (wide, "640", "chart-trend-x-wide"),
    ] {
        assert_valid(id, svg);
        assert!(svg.contains(&format!("viewBox=\"0 0 {width} ")), "{svg}");
        assert!(
            svg.contains(&format!("aria-labelledby=\"{id}-title {id}-desc\"")),
            "{svg}"
        );
    }
    // Text is the same size in both: it is the width that changes.
    assert!(narrow.contains("font-size=\"14\"") && wide.contains("font-size=\"14\""));
}
