use super::*;
use crate::geo::Shape;
use classes::MAX_CLASSES;

fn vi_labels() -> MapLabels {
    MapLabels {
        below: "dưới {value}".into(),
        range: "{from}–{to}".into(),
        above: "từ {value} trở lên".into(),
        no_data: "Chưa có số liệu".into(),
    }
}

fn words(values: &[f64], percent: bool) -> Vec<String> {
    let classes = Classes::of(values);
    (0..classes.count())
        .map(|i| classes.words(i, &vi_labels(), percent, "vi"))
        .collect()
}

#[test]
fn classes_step_on_round_numbers_from_below_the_lowest_to_the_highest() {
    let values = [51.1, 67.4, 59.8, 63.7, 55.0, 60.0];
    let classes = Classes::of(&values);
    assert_eq!(classes.count(), 4);
    assert_eq!(
        words(&values, true),
        ["dưới 55%", "55–60%", "60–65%", "từ 65% trở lên"]
    );
    let of: Vec<usize> = values.iter().map(|v| classes.class_of(*v)).collect();
    // A value on an edge belongs to the class above it.
    assert_eq!(of, [0, 3, 1, 2, 1, 2]);

    // The top of the scale is in the last class.
    let fibre = [93.0, 93.2, 95.0, 97.9, 98.1, 99.5, 100.0];
    let classes = Classes::of(&fibre);
    assert_eq!(
        words(&fibre, true),
        ["dưới 94%", "94–96%", "96–98%", "từ 98% trở lên"]
    );
    assert_eq!(classes.class_of(100.0), 3);
    assert_eq!(classes.class_of(93.0), 0);

    // Steps of a half take a decimal, written the Vietnamese way.
    assert_eq!(
        words(&[98.1, 98.3, 100.0], true),
        ["dưới 98,5%", "98,5–99%", "99–99,5%", "từ 99,5% trở lên"]
    );
    // Counts group their thousands and have no percent sign.
    assert_eq!(
        words(&[12_000.0, 31_500.0, 48_500.0], false),
        [
            "dưới 20.000",
            "20.000–30.000",
            "30.000–40.000",
            "từ 40.000 trở lên"
        ]
    );
    // Never more than five classes, whatever the spread.
    for values in [
        vec![0.0, 0.013, 99.0],
        vec![-5.0, 3.0],
        vec![1e-9, 2e-9, 7e-9],
        vec![1.0e12, 9.9e12],
    ] {
        let classes = Classes::of(&values);
        assert!(
            (1..=MAX_CLASSES).contains(&classes.count()),
            "{values:?}: {classes:?}"
        );
        for v in &values {
            assert!(classes.class_of(*v) < classes.count());
        }
    }
}

#[test]
fn equal_values_make_one_class_named_by_its_value() {
    let classes = Classes::of(&[100.0, 100.0]);
    assert_eq!(classes.count(), 1);
    assert_eq!(words(&[100.0, 100.0], true), ["100%"]);
    assert_eq!(classes.look(0), 3);
}

#[test]
fn fewer_classes_spread_their_looks_over_the_scale() {
    let looks = |values: &[f64]| {
        let classes = Classes::of(values);
        (0..classes.count())
            .map(|i| classes.look(i))
            .collect::<Vec<_>>()
    };
    assert_eq!(looks(&[0.0, 100.0]), [1, 2, 3, 4, 5]);
    assert_eq!(looks(&[51.0, 67.0]), [1, 2, 4, 5]);
    assert_eq!(looks(&[10.0, 20.0, 25.0]), [1, 3, 5]);
}

fn rectangle(west: f64, south: f64, east: f64, north: f64) -> Vec<(f64, f64)> {
    vec![(west, south), (east, south), (east, north), (west, north)]
}

fn shape(rings: Vec<Vec<(f64, f64)>>) -> Shape {
    Shape {
        polygons: rings.into_iter().map(|r| vec![r]).collect(),
    }
}

/// A small province of four places, one with an island and one without data.
pub(in crate::charts) fn communes() -> Vec<(&'static str, &'static str, Option<f64>, Shape)> {
    vec![
        (
            "xa-son-ha",
            "Xã Sơn Hà",
            Some(51.1),
            shape(vec![rectangle(105.0, 21.0, 105.2, 21.4)]),
        ),
        (
            "phuong-minh-an",
            "Phường Minh An",
            Some(66.1),
            shape(vec![rectangle(105.2, 21.2, 105.4, 21.4)]),
        ),
        (
            "xa-tan-phu",
            "Xã Tân Phú",
            None,
            shape(vec![rectangle(105.2, 21.0, 105.4, 21.2)]),
        ),
        (
            "phuong-hai-dang",
            "Phường Hải Đăng",
            Some(63.7),
            shape(vec![
                rectangle(105.4, 21.0, 105.6, 21.4),
                rectangle(105.62, 21.1, 105.66, 21.14),
            ]),
        ),
    ]
}

/// The golden map drawn `width` units wide.
pub(in crate::charts) fn golden_map(width: f64) -> String {
    let places = communes();
    let areas: Vec<Area> = places
        .iter()
        .map(|(id, name, value, shape)| Area {
            id,
            name,
            value: *value,
            shape,
        })
        .collect();
    choropleth(&MapChart {
        id: "chart-map-online",
        width,
        title: "Bản đồ: Tỷ lệ hồ sơ trực tuyến toàn trình, tháng 9/2025",
        description: "Trong 3 địa bàn có số liệu, cao nhất là Phường Minh An (66,1%), thấp nhất là Xã Sơn Hà (51,1%). Chưa có số liệu: Xã Tân Phú.",
        lang: "vi",
        percent: true,
        unit_label: "",
        areas: &areas,
        labels: &vi_labels(),
    })
}

#[test]
fn each_place_is_one_path_in_the_look_of_its_class_and_the_legend_names_the_rest() {
    let svg = golden_map(super::super::WIDE);
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let class_of = |node: roxmltree::Node| node.attribute("class").unwrap_or("").to_string();
    let paths: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("path") && class_of(*n).starts_with("area "))
        .map(|n| {
            let title = n
                .children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
                .unwrap_or("")
                .to_string();
            (class_of(n), title)
        })
        .collect();
    assert_eq!(
        paths,
        [
            (
                "area look-1 place-xa-son-ha".to_string(),
                "Xã Sơn Hà: 51,1%".to_string()
            ),
            (
                "area look-5 place-phuong-minh-an".to_string(),
                "Phường Minh An: 66,1%".to_string()
            ),
            (
                "area look-none place-xa-tan-phu".to_string(),
                "Xã Tân Phú: Chưa có số liệu".to_string()
            ),
            (
                "area look-4 place-phuong-hai-dang".to_string(),
                "Phường Hải Đăng: 63,7%".to_string()
            ),
        ]
    );
    // The island is a second ring of the same path.
    let hai_dang = doc
        .descendants()
        .find(|n| class_of(*n).contains("place-phuong-hai-dang"))
        .unwrap();
    assert_eq!(hai_dang.attribute("d").unwrap().matches('M').count(), 2);

    let legend: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| class_of(*n).starts_with("legend-item"))
        .map(|n| {
            let text: Vec<&str> = n
                .descendants()
                .filter(|t| t.has_tag_name("text"))
                .filter_map(|t| t.text())
                .collect();
            (class_of(n), text.join(" "))
        })
        .collect();
    assert_eq!(
        legend,
        [
            ("legend-item look-1".to_string(), "dưới 55%".to_string()),
            ("legend-item look-2".to_string(), "55–60%".to_string()),
            ("legend-item look-4".to_string(), "60–65%".to_string()),
            (
                "legend-item look-5".to_string(),
                "từ 65% trở lên".to_string()
            ),
            (
                "legend-item look-none".to_string(),
                "Chưa có số liệu: Xã Tân Phú".to_string()
            ),
        ]
    );
    // Each look has its own pattern, and every fill names one that exists.
    for look in ["1", "2", "4", "5", "none"] {
        let id = format!("chart-map-online-look-{look}");
        assert!(
            doc.descendants()
                .any(|n| n.has_tag_name("pattern") && n.attribute("id") == Some(id.as_str())),
            "{id}"
        );
    }
    // Names go inside their places.
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|n| class_of(*n).starts_with("label place-label"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(
        labels,
        [
            "Xã Sơn Hà",
            "Phường Minh An",
            "Xã Tân Phú",
            "Phường Hải Đăng"
        ]
    );
}

#[test]
fn a_name_too_long_for_one_line_takes_two_and_one_too_long_for_two_is_left_off() {
    let narrow = vec![vec![vec![
        (0.0, 0.0),
        (90.0, 0.0),
        (90.0, 60.0),
        (0.0, 60.0),
    ]]];
    let label = super::label("Phường Minh An", &narrow).unwrap();
    assert_eq!(label.lines, ["Phường", "Minh An"]);
    assert!(super::label("Thị trấn Nông trường Mộc Châu", &narrow).is_none());
    let wide = vec![vec![vec![
        (0.0, 0.0),
        (200.0, 0.0),
        (200.0, 60.0),
        (0.0, 60.0),
    ]]];
    assert_eq!(
        super::label("Phường Minh An", &wide).unwrap().lines,
        ["Phường Minh An"]
    );
}

#[test]
fn outlines_are_simplified_to_what_the_map_can_show() {
    // A circle of 5,000 points about 40 km across.
    let ring: Vec<(f64, f64)> = (0..5000)
        .map(|i| {
            let a = f64::from(i) / 5000.0 * std::f64::consts::TAU;
            (105.5 + 0.2 * a.cos(), 21.0 + 0.18 * a.sin())
        })
        .collect();
    let circle = shape(vec![ring]);
    let areas = [Area {
        id: "tron",
        name: "Tròn",
        value: Some(1.0),
        shape: &circle,
    }];
    let svg = choropleth(&MapChart {
        id: "m",
        width: super::super::NARROW,
        title: "t",
        description: "d",
        lang: "vi",
        percent: false,
        unit_label: "người",
        areas: &areas,
        labels: &vi_labels(),
    });
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let d = doc
        .descendants()
        .find(|n| n.attribute("class").is_some_and(|c| c.starts_with("area ")))
        .and_then(|n| n.attribute("d"))
        .unwrap();
    let points = d.matches(['M', 'L']).count();
    assert!((16..300).contains(&points), "{points} points");
    // The unit heads the legend.
    assert!(svg.contains(">người</text>"), "{svg}");
}

#[test]
fn a_map_without_shapes_or_values_still_draws_without_panicking() {
    let empty = Shape::default();
    let areas = [Area {
        id: "x",
        name: "X",
        value: Some(f64::NAN),
        shape: &empty,
    }];
    let svg = choropleth(&MapChart {
        id: "m",
        width: super::super::NARROW,
        title: "",
        description: "",
        lang: "en",
        percent: true,
        unit_label: "",
        areas: &areas,
        labels: &vi_labels(),
    });
    assert!(roxmltree::Document::parse(&svg).is_ok());
    assert!(!svg.contains("NaN") && !svg.contains("inf"));
    assert!(svg.contains("X: Chưa có số liệu"));
}
