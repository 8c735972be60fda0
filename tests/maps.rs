//! Maps of indicators broken down by place: a fixture plan with `content/data/places.geojson`
//! is built, and the map on the indicator's page is read back — each place's class against
//! its reading and the legend's words, the title and description, the place without data —
//! with the warnings for features and places that do not match, and the errors for a file
//! that is not GeoJSON.

mod common;

use common::Site;

const PLACES: &str = r#"
[[place]]
id = "xa-a"
name = { vi = "Xã An", en = "An Commune" }
kind = "commune"

[[place]]
id = "xa-b"
name = { vi = "Xã Bình", en = "Binh Commune" }
kind = "commune"

[[place]]
id = "xa-c"
name = { vi = "Xã Cát", en = "Cat Commune" }
kind = "commune"

[[place]]
id = "phuong-d"
name = { vi = "Phường Đông Hòa", en = "Dong Hoa Ward" }
kind = "ward"

[[place]]
id = "xa-e"
name = { vi = "Xã Ea", en = "Ea Commune" }
kind = "commune"

[[place]]
id = "xa-f"
name = { vi = "Xã Phú", en = "Phu Commune" }
kind = "commune"
"#;

/// Five places in a row of squares 0.1° wide, keyed as offices export them: by id, by a
/// name without marks and in capitals, by a code and a name with the other spelling of
/// `hoà`; then a feature naming no place and one that is a point.
const SHAPES: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"id": "xa-a"}, "geometry": {"type": "Polygon", "coordinates": [[[106.0, 21.0], [106.1, 21.0], [106.1, 21.1], [106.0, 21.1], [106.0, 21.0]]]}},
  {"type": "Feature", "properties": {"ten": "XA BINH"}, "geometry": {"type": "Polygon", "coordinates": [[[106.1, 21.0], [106.2, 21.0], [106.2, 21.1], [106.1, 21.1], [106.1, 21.0]]]}},
  {"type": "Feature", "id": "xa-c", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[106.2, 21.0], [106.3, 21.0], [106.3, 21.1], [106.2, 21.1], [106.2, 21.0]]]}},
  {"type": "Feature", "properties": {"ma": 26734, "name": "Phường Đông Hoà"}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[106.3, 21.0], [106.4, 21.0], [106.4, 21.1], [106.3, 21.1], [106.3, 21.0]]], [[[106.42, 21.02], [106.44, 21.02], [106.44, 21.04], [106.42, 21.02]]]]}},
  {"type": "Feature", "properties": {"id": "xa-e"}, "geometry": {"type": "Polygon", "coordinates": [[[106.4, 21.1], [106.5, 21.1], [106.5, 21.2], [106.4, 21.2], [106.4, 21.1]]]}},
  {"type": "Feature", "properties": {"id": "xa-bb"}, "geometry": {"type": "Polygon", "coordinates": [[[106.0, 21.2], [106.1, 21.2], [106.1, 21.3], [106.0, 21.2]]]}},
  {"type": "Feature", "properties": {"id": "xa-c"}, "geometry": {"type": "Point", "coordinates": [106.25, 21.05]}}
]}
"#;

/// The readings of `phu-song` (percent, increase, target 100) for September 2025, by place:
/// Xã Ea has none, and Xã Phú has one but no shape.
const READINGS: &[(&str, f64)] = &[
    ("xa-a", 96.5),
    ("xa-b", 99.2),
    ("xa-c", 100.0),
    ("phuong-d", 97.8),
    ("xa-f", 98.0),
];

fn map_site() -> Site {
    let site = Site::fixture("plan");
    site.write("content/data/places.toml", PLACES);
    site.write("content/data/places.geojson", SHAPES);
    let data = std::fs::read_to_string(site.path("content/kh/data/tien-do.csv")).unwrap();
    let mut data: String = data
        .lines()
        .filter(|l| !l.starts_with("phu-song,2025-09,100,xa-"))
        .map(|l| format!("{l}\n"))
        .collect();
    for (place, value) in READINGS {
        data.push_str(&format!("phu-song,2025-09,{value},{place},,\n"));
    }
    site.write("content/kh/data/tien-do.csv", &data);
    site
}

/// The page's map: the `<svg>` of class `chart-map`.
fn map_of(html: &str) -> String {
    let class = html
        .find("class=\"chart chart-map\"")
        .expect("the page has a map");
    let start = html[..class].rfind("<svg").unwrap();
    let end = html[start..].find("</svg>").unwrap() + start + "</svg>".len();
    html[start..end].to_string()
}

fn class_of<'a>(node: roxmltree::Node<'a, '_>) -> &'a str {
    node.attribute("class").unwrap_or("")
}

/// A legend's words as the range of values they name: "dưới 97%" is below 97, "97–98%"
/// from 97 to under 98, "từ 99% trở lên" 99 and above.
fn range_of(words: &str) -> (f64, f64) {
    let numbers: Vec<f64> = words
        .split(|c: char| !(c.is_ascii_digit() || c == ','))
        .filter(|s| !s.is_empty())
        .map(|s| s.replace(',', ".").parse().unwrap())
        .collect();
    if words.starts_with("dưới") || words.starts_with("under") {
        (f64::NEG_INFINITY, numbers[0])
    } else if words.contains("trở lên") || words.contains("or more") {
        (numbers[0], f64::INFINITY)
    } else {
        (numbers[0], numbers[1])
    }
}

#[test]
fn each_place_is_drawn_in_the_class_of_its_reading_with_a_legend_in_words() {
    let site = map_site();
    let run = site.build();
    run.assert_ok();
    let html = site.output("kh/chi-tieu/phu-song/index.html");
    let svg = map_of(&html);
    let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.attribute("role"), Some("img"));
    // The narrow of its two drawings (the theme shows the one that fits).
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some("chart-map-phu-song-narrow-title chart-map-phu-song-narrow-desc")
    );
    assert!(html.contains("chart-map-phu-song-wide-title"), "{html}");

    // The legend: a look and words for each class, then the places without data.
    let legend: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| class_of(*n).starts_with("legend-item "))
        .map(|n| {
            let look = class_of(n).trim_start_matches("legend-item ").to_string();
            let words: Vec<&str> = n
                .descendants()
                .filter(|t| t.has_tag_name("text"))
                .filter_map(|t| t.text())
                .collect();
            (look, words.join(" "))
        })
        .collect();
    let words: Vec<&str> = legend.iter().map(|(_, w)| w.as_str()).collect();
    assert_eq!(
        words,
        [
            "dưới 97%",
            "97–98%",
            "98–99%",
            "từ 99% trở lên",
            "Chưa có số liệu: Xã Ea"
        ]
    );

    // One path per place with a shape, in the look of the legend entry whose range holds
    // its reading; Xã Ea in the "no data" look; Xã Phú (no shape) not drawn.
    let paths: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && class_of(*n).starts_with("area "))
        .map(|n| {
            let classes: Vec<&str> = class_of(n).split(' ').collect();
            let place = classes
                .iter()
                .find_map(|c| c.strip_prefix("place-"))
                .unwrap()
                .to_string();
            let look = classes
                .iter()
                .find(|c| c.starts_with("look-"))
                .unwrap()
                .to_string();
            (place, look)
        })
        .collect();
    let places: Vec<&str> = paths.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(places, ["xa-a", "xa-b", "xa-c", "phuong-d", "xa-e"]);
    for (place, look) in &paths {
        let (_, words) = legend
            .iter()
            .find(|(l, _)| l == look)
            .unwrap_or_else(|| panic!("{place}: {look} is not in the legend"));
        match READINGS.iter().find(|(p, _)| p == place) {
            Some((_, value)) => {
                let (from, to) = range_of(words);
                let top = to == f64::INFINITY || (to == 100.0 && *value == 100.0);
                assert!(
                    *value >= from && (*value < to || top),
                    "{place} ({value}) is drawn as {words:?}"
                );
            }
            None => assert_eq!(look, "look-none", "{place}"),
        }
    }
    let looks: Vec<&str> = paths.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(looks, ["look-1", "look-5", "look-5", "look-2", "look-none"]);
    // The island of Phường Đông Hòa is part of its one path.
    let dong = doc
        .descendants()
        .find(|n| class_of(*n).contains("place-phuong-d"))
        .unwrap();
    assert_eq!(dong.attribute("d").unwrap().matches('M').count(), 2);
    // Every class's pattern is defined, so no fill is colour alone.
    for (look, _) in &legend {
        let id = format!("chart-map-phu-song-narrow-{look}");
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("pattern") && n.attribute("id") == Some(id.as_str())),
            "{id}"
        );
    }

    // The title names the map; the description the highest and lowest, and the place
    // without data.
    let text = |tag: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .unwrap()
            .to_string()
    };
    assert_eq!(
        text("title"),
        "Bản đồ: Tỷ lệ thôn có sóng di động, tháng 9/2025"
    );
    assert_eq!(
        text("desc"),
        "Trong 4 địa bàn có số liệu, cao nhất là Xã Cát (100%), thấp nhất là Xã An (96,5%). \
         Chưa có số liệu: Xã Ea."
    );
    // The map is beside the bar chart and the table, not instead of them.
    assert!(html.contains("chart chart-breakdown"));
    assert!(html.contains("<th scope=\"row\">Xã Phú</th>"));

    // In English the legend and the names follow the page's language.
    let svg = map_of(&site.output("en/kh/chi-tieu/phu-song/index.html"));
    for words in [
        "under 97%",
        "97–98%",
        "99% or more",
        "No data: Ea Commune",
        "Cat Commune: 100%",
    ] {
        assert!(svg.contains(words), "{words}: {svg}");
    }

    // The features and places that do not match are warnings at their place.
    let stderr = &run.stderr;
    assert!(
        stderr.contains("content/data/places.geojson:7:")
            && stderr.contains("`xa-bb` (its `id`) names no place")
            && stderr.contains("did you mean `xa-b`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/data/places.geojson:8:")
            && stderr.contains("a `Point` has no area"),
        "{stderr}"
    );
    let line = std::fs::read_to_string(site.path("content/kh/data/tien-do.csv"))
        .unwrap()
        .lines()
        .position(|l| l.contains("xa-f"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("content/kh/data/tien-do.csv:{line}"))
            && stderr.contains("Xã Phú has readings of `phu-song` but no shape")
            && stderr.contains("whose `id` is `xa-f`"),
        "{stderr}"
    );
}

#[test]
fn indicators_without_a_breakdown_by_place_have_no_map() {
    let site = map_site();
    site.build().assert_ok();
    // `dvc` is broken down by department: bars and a table, no map.
    let html = site.output("kh/chi-tieu/dvc/index.html");
    assert!(html.contains("chart chart-breakdown"));
    assert!(!html.contains("chart-map"));
    // A site without places.geojson draws no map at all.
    let site = Site::fixture("plan");
    site.build().assert_ok();
    assert!(
        !site
            .output("kh/chi-tieu/phu-song/index.html")
            .contains("chart-map")
    );
    // Asking for one by shortcode says why there is none.
    site.write(
        "content/ban-do.md",
        "+++\ntitle = \"Bản đồ\"\n+++\n\n{{ chart(indicator=\"phu-song\", kind=\"map\") }}\n",
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("`phu-song` has no map") && stderr.contains("places.geojson"),
        "{stderr}"
    );
}

#[test]
fn a_boundary_file_that_is_not_geojson_is_an_error_at_its_line_and_column() {
    let site = map_site();
    site.write(
        "content/data/places.geojson",
        "{\"type\": \"FeatureCollection\",\n \"features\": [\n  {\"type\": \"Feature\" \"properties\": {}}\n ]}\n",
    );
    let stderr = site.build_fails();
    assert!(
        stderr.contains("error[map-json]: this is not valid JSON")
            && stderr.contains("content/data/places.geojson:3:22")
            && stderr.contains("the JSON reader says: expected `,` or `}`"),
        "{stderr}"
    );

    site.write(
        "content/data/places.geojson",
        "{\"type\": \"Topology\", \"objects\": {}, \"arcs\": []}",
    );
    site.build().assert_ok();

    site.write("content/data/places.geojson", "[{\"type\": \"Feature\"}]");
    let stderr = site.build_fails();
    assert!(
        stderr.contains("content/data/places.geojson:1:1"),
        "{stderr}"
    );
}

#[test]
fn topojson_boundaries_draw_the_same_map() {
    // The two first places as a topology sharing their border, quantized on a 0.05° grid.
    let topology = r#"{"type": "Topology",
 "transform": {"scale": [0.05, 0.05], "translate": [106.0, 21.0]},
 "arcs": [[[2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2], [2, 0]], [[2, 0], [2, 0], [0, 2], [-2, 0]]],
 "objects": {"xa": {"type": "GeometryCollection", "geometries": [
   {"type": "Polygon", "properties": {"id": "xa-a"}, "arcs": [[0, 1]]},
   {"type": "Polygon", "properties": {"ten": "Xã Bình"}, "arcs": [[2, -1]]}
 ]}}}"#;
    let site = map_site();
    site.remove("content/data/places.geojson");
    site.write("content/data/places.topojson", topology);
    let run = site.build();
    run.assert_ok();
    let svg = map_of(&site.output("kh/chi-tieu/phu-song/index.html"));
    assert!(svg.contains("area look-1 place-xa-a"), "{svg}");
    assert!(svg.contains("area look-5 place-xa-b"), "{svg}");
    // The other places have readings but no shape here.
    assert!(run.stderr.contains("Xã Cát has readings"), "{}", run.stderr);

    // Both files: the GeoJSON is read, and the other named.
    site.write("content/data/places.geojson", SHAPES);
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stderr
            .contains("both content/data/places.geojson and content/data/places.topojson"),
        "{}",
        run.stderr
    );
    assert!(
        site.output("kh/chi-tieu/phu-song/index.html")
            .contains("place-xa-e")
    );
}
