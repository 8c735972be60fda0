use resvg::tiny_skia::Pixmap;

use super::*;

fn frame(body: Body) -> Card {
    Card {
        kicker: "Kế hoạch Chuyển đổi số tỉnh Minh An năm 2025".into(),
        title: "Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến toàn trình".into(),
        body,
        agency: "Sở Khoa học và Công nghệ tỉnh Minh An".into(),
        host: "cds.minhan.gov.vn".into(),
    }
}

fn indicator(status: Status) -> Card {
    frame(Body::Indicator(IndicatorFigures {
        latest: "62,4%".into(),
        latest_label: "Số liệu mới nhất (Quý 3/2025)".into(),
        target_label: "Mục tiêu: 80% (2025)".into(),
        status,
        status_label: "Đúng tiến độ".into(),
        trend: vec![40.0, 48.5, 55.0, 62.4],
        target: 80.0,
        target_value: "80%".into(),
    }))
}

fn plan() -> Card {
    frame(Body::Plan(PlanFigures {
        targets: Some(("21/32".into(), "chỉ tiêu đã đạt hoặc đúng tiến độ".into())),
        tasks: Some(("8/91".into(), "nhiệm vụ quá hạn".into())),
        overdue: true,
        statuses: vec![
            (Status::Achieved, 9),
            (Status::OnTrack, 12),
            (Status::AtRisk, 5),
            (Status::OffTrack, 3),
            (Status::NoData, 3),
        ],
    }))
}

fn site() -> Card {
    frame(Body::Site {
        description: "Công khai kế hoạch, chỉ tiêu, nhiệm vụ và tiến độ thực hiện.".into(),
    })
}

/// The width and height a PNG's IHDR chunk states.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

/// How many pixels in the box are darker than mid grey.
fn dark_pixels(pixmap: &Pixmap, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> usize {
    let mut count = 0;
    for y in y0..y1 {
        for x in x0..x1 {
            let p = pixmap.pixel(x, y).unwrap();
            if u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue()) < 3 * 128 {
                count += 1;
            }
        }
    }
    count
}

#[test]
fn every_card_is_a_png_of_the_stated_size() {
    for card in [site(), plan(), indicator(Status::OnTrack)] {
        let bytes = png(&svg(&card), WIDTH, HEIGHT).unwrap();
        assert_eq!(png_size(&bytes), (1200, 630));
    }
}

#[test]
fn the_same_card_gives_the_same_bytes() {
    let card = indicator(Status::AtRisk);
    assert_eq!(svg(&card), svg(&card.clone()));
    assert_eq!(
        png(&svg(&card), WIDTH, HEIGHT).unwrap(),
        png(&svg(&card), WIDTH, HEIGHT).unwrap()
    );
}

#[test]
fn the_text_is_drawn_with_the_built_in_font() {
    let with_title = Pixmap::decode_png(&png(&svg(&site()), WIDTH, HEIGHT).unwrap()).unwrap();
    let mut untitled = site();
    untitled.title = String::new();
    untitled.body = Body::Site {
        description: String::new(),
    };
    let without = Pixmap::decode_png(&png(&svg(&untitled), WIDTH, HEIGHT).unwrap()).unwrap();
    // The title's lines (from y = 120) are ink on white; without a title the band is empty.
    let band = (64, 120, 1136, 260);
    assert!(dark_pixels(&with_title, band) > 5_000);
    assert_eq!(dark_pixels(&without, band), 0);
}

#[test]
fn vietnamese_marks_are_drawn() {
    // "Ư" and "Ữ" differ only by the tilde above: if the font had no glyph for either, both
    // would be the same empty box.
    let draw = |title: &str| {
        let mut card = site();
        card.title = title.into();
        card.body = Body::Site {
            description: String::new(),
        };
        Pixmap::decode_png(&png(&svg(&card), WIDTH, HEIGHT).unwrap()).unwrap()
    };
    let plain = dark_pixels(&draw("Ư"), (0, 90, 1200, 200));
    let marked = dark_pixels(&draw("Ữ"), (0, 90, 1200, 200));
    assert!(plain > 100);
    assert!(marked > plain + 50, "{plain} vs {marked}");
}

#[test]
fn long_texts_stay_inside_the_card() {
    let mut card = indicator(Status::OffTrack);
    card.title = "Chỉ tiêu có tên rất dài ".repeat(20);
    card.kicker = "Kế hoạch ".repeat(40);
    card.agency = "Ủy ban nhân dân ".repeat(20);
    let text = svg(&card);
    // The title takes two lines, the last shortened with an ellipsis.
    let titles: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("font-size=\"46\""))
        .collect();
    assert_eq!(titles.len(), 2, "{text}");
    assert!(titles[1].contains('…'));
    // Every line of text ends before the right margin.
    for l in text.lines().filter(|l| l.starts_with("<text")) {
        let content = &l[l.find('>').unwrap() + 1..l.rfind("</text>").unwrap()];
        let size: f64 = attr(l, "font-size").parse().unwrap();
        let x: f64 = attr(l, "x").parse().unwrap();
        let bold = l.contains("font-weight=\"700\"");
        let width = Style { size, bold }.width(&unescape(content));
        let right = if l.contains("text-anchor=\"end\"") {
            x
        } else {
            x + width
        };
        assert!(right <= W - MARGIN + 0.5, "{l}: ends at {right}");
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn attr<'a>(line: &'a str, name: &str) -> &'a str {
    let start = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
    &line[start..start + line[start..].find('"').unwrap()]
}

#[test]
fn the_status_is_a_word_and_a_shape() {
    let on_track = svg(&indicator(Status::OnTrack));
    let off_track = svg(&indicator(Status::OffTrack));
    assert!(on_track.contains("Đúng tiến độ"));
    // The marker's shape follows the status (a disc, a cross), not only its colour.
    assert_ne!(
        on_track.matches("<circle").count(),
        off_track.matches("<circle").count()
    );
}

#[test]
fn a_target_without_readings_draws_no_line() {
    let mut card = indicator(Status::NoData);
    if let Body::Indicator(figures) = &mut card.body {
        figures.trend.clear();
        figures.latest = "–".into();
    }
    let text = svg(&card);
    assert!(!text.contains("<path d=\"M"), "{text}");
    assert!(text.contains("stroke-dasharray"));
    assert_eq!(png_size(&png(&text, WIDTH, HEIGHT).unwrap()), (1200, 630));
}

/// Draws `svg` into a pixmap the way `png` does, before encoding.
fn pixmap_of(svg: &str) -> Pixmap {
    let options = usvg::Options {
        font_family: text::FAMILY.to_string(),
        fontdb: Arc::clone(fonts()),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).unwrap();
    let mut pixmap = Pixmap::new(WIDTH, HEIGHT).unwrap();
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
}

#[test]
fn the_encoding_is_lossless_with_a_palette_or_without() {
    // A card has under 256 colours: a palette of exactly those.
    let card = pixmap_of(&svg(&indicator(Status::AtRisk)));
    assert!(indexed(&card).is_some());
    let bytes = encode(&card).unwrap();
    assert_eq!(bytes[25], 3, "colour type 3: indexed");
    assert_eq!(Pixmap::decode_png(&bytes).unwrap().data(), card.data());
    // A gradient has more: RGB.
    let gradient = pixmap_of(concat!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 630">"#,
        r##"<linearGradient id="g"><stop offset="0" stop-color="#ff0000"/><stop offset="0.5" stop-color="#00ff00"/><stop offset="1" stop-color="#0000ff"/></linearGradient>"##,
        r#"<rect width="1200" height="630" fill="url(#g)"/></svg>"#
    ));
    assert!(indexed(&gradient).is_none());
    let bytes = encode(&gradient).unwrap();
    assert_eq!(bytes[25], 2, "colour type 2: RGB");
    assert_eq!(Pixmap::decode_png(&bytes).unwrap().data(), gradient.data());
}

#[test]
fn a_plan_without_tasks_shows_no_task_figure() {
    let mut card = plan();
    if let Body::Plan(figures) = &mut card.body {
        figures.tasks = None;
    }
    let text = svg(&card);
    assert!(text.contains("21/32"));
    assert!(!text.contains("nhiệm vụ quá hạn"));
}
