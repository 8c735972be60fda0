use super::*;

const FILE: &str = "content/data/places.geojson";

fn keys(feature: &Feature) -> Vec<(&str, &str)> {
    feature
        .keys
        .iter()
        .map(|k| (k.property.as_str(), k.value.as_str()))
        .collect()
}

#[test]
fn features_give_their_keys_codes_first_and_their_rings_without_the_closing_point() {
    let text = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"ten": "Xã Sơn Hà", "dan_so": 12000, "ma": 26734},
   "geometry": {"type": "Polygon", "coordinates": [[[105, 20], [106, 20], [106, 21], [105, 20]]]}},
  {"type": "Feature", "id": "xa-b", "properties": null,
   "geometry": {"type": "MultiPolygon", "coordinates": [
     [[[105, 21], [106, 21], [106, 22, 5], [105, 21]]],
     [[[107, 21], [108, 21], [108, 22]]]]}}
]}"#;
    let (features, diagnostics) = read(FILE, text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(features.len(), 2);
    assert_eq!(
        keys(&features[0]),
        [("ma", "26734"), ("ten", "Xã Sơn Hà"), ("dan_so", "12000")]
    );
    let shape = features[0].shape.as_ref().unwrap();
    assert_eq!(
        shape.polygons,
        [vec![vec![(105.0, 20.0), (106.0, 20.0), (106.0, 21.0)]]]
    );
    // A key's place is its value in the file.
    let ma = &features[0].keys[0];
    assert_eq!(&text[ma.at.clone()], "26734");
    assert_eq!(keys(&features[1]), [("id", "xa-b")]);
    let shape = features[1].shape.as_ref().unwrap();
    assert_eq!(shape.polygons.len(), 2);
    assert_eq!(
        shape.polygons[1][0].len(),
        3,
        "an open ring is taken as it is"
    );
}

#[test]
fn broken_json_is_an_error_at_its_line_and_column() {
    let text = "{\"type\": \"FeatureCollection\",\n  \"features\": [\n    {\"type\": \"Feature\" \"id\": 1}\n  ]\n}\n";
    let (features, diagnostics) = read(FILE, text);
    assert!(features.is_empty());
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert!(d.is_error());
    assert_eq!(d.code, "map-json");
    assert_eq!(d.location(), "content/data/places.geojson:3:24");
    assert_eq!(
        d.source_line.as_deref(),
        Some("    {\"type\": \"Feature\" \"id\": 1}")
    );
    assert!(d.notes[0].contains("expected `,` or `}`"), "{:?}", d.notes);

    let (_, diagnostics) = read(FILE, "{\"type\": \"FeatureCollection\", \"features\": [");
    assert_eq!(diagnostics[0].code, "map-json");
    assert!(diagnostics[0].message.contains("ends"), "{diagnostics:?}");
}

#[test]
fn a_file_that_is_not_a_collection_is_an_error() {
    let (_, diagnostics) = read(FILE, "{\"type\": \"Feature\", \"geometry\": null}");
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].is_error());
    assert_eq!(
        diagnostics[0].location(),
        "content/data/places.geojson:1:10"
    );
    assert!(
        diagnostics[0].message.contains("`Feature`"),
        "{diagnostics:?}"
    );
}

#[test]
fn features_that_cannot_be_drawn_are_warnings_at_their_geometry() {
    let text = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "id": "a", "geometry": {"type": "Point", "coordinates": [105, 20]}},
  {"type": "Feature", "id": "b", "geometry": null},
  {"type": "Feature", "id": "c", "geometry": {"type": "Polygon", "coordinates": [[[580000, 2300000], [581000, 2300000], [581000, 2301000]]]}},
  {"type": "Feature", "id": "d", "geometry": {"type": "Polygon", "coordinates": [[105, 20]]}},
  {"type": "Feature", "id": "e", "geometry": {"type": "Polygon", "coordinates": [[[105, 20], [106, 20], [106, 21]]]}}
]}"#;
    let (features, diagnostics) = read(FILE, text);
    // Every feature is kept, so that its place is not reported again as missing.
    assert_eq!(features.len(), 5);
    let drawn: Vec<bool> = features.iter().map(|f| f.shape.is_some()).collect();
    assert_eq!(drawn, [false, false, false, false, true]);
    let found: Vec<(String, &str)> = diagnostics
        .iter()
        .map(|d| (d.location(), d.message.as_str()))
        .collect();
    assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
    assert_eq!(found.len(), 4, "{found:#?}");
    assert_eq!(found[0].0, "content/data/places.geojson:2:46");
    assert!(found[0].1.contains("`Point`"), "{found:?}");
    assert_eq!(found[1].0, "content/data/places.geojson:3:3");
    assert!(found[2].1.contains("longitude"), "{found:?}");
    assert_eq!(found[3].0, "content/data/places.geojson:5:81");
}

#[test]
fn topojson_arcs_are_joined_reversed_and_unquantized() {
    // Two unit squares side by side sharing the middle arc, quantized on a grid of 0.5°.
    let text = r#"{"type": "Topology",
 "transform": {"scale": [0.5, 0.5], "translate": [105, 20]},
 "arcs": [
   [[2, 0], [0, 2]],
   [[2, 2], [-2, 0], [0, -2], [2, 0]],
   [[2, 0], [2, 0], [0, 2], [-2, 0]]
 ],
 "objects": {"places": {"type": "GeometryCollection", "geometries": [
   {"type": "Polygon", "id": "tay", "arcs": [[0, 1]]},
   {"type": "Polygon", "properties": {"name": "Đông"}, "arcs": [[2, -1]]},
   {"type": "Polygon", "id": "sai", "arcs": [[7]]}
 ]}}}"#;
    let (features, diagnostics) = read(FILE, text);
    assert_eq!(features.len(), 3);
    assert_eq!(keys(&features[0]), [("id", "tay")]);
    assert_eq!(keys(&features[1]), [("name", "Đông")]);
    let west = &features[0].shape.as_ref().unwrap().polygons[0][0];
    assert_eq!(
        west,
        &[(106.0, 20.0), (106.0, 21.0), (105.0, 21.0), (105.0, 20.0)]
    );
    let east = &features[1].shape.as_ref().unwrap().polygons[0][0];
    assert_eq!(
        east,
        &[(106.0, 20.0), (107.0, 20.0), (107.0, 21.0), (106.0, 21.0)]
    );
    assert!(features[2].shape.is_none());
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].message.contains('7'), "{diagnostics:?}");
    assert_eq!(
        diagnostics[0].location(),
        "content/data/places.geojson:11:45"
    );
}

#[test]
fn douglas_peucker_drops_what_the_tolerance_cannot_show_and_keeps_corners() {
    // A square with points along its sides and a little noise.
    let ring = vec![
        (0.0, 0.0),
        (5.0, 0.1),
        (10.0, 0.0),
        (10.0, 5.0),
        (10.2, 7.0),
        (10.0, 10.0),
        (5.0, 9.9),
        (0.0, 10.0),
        (0.1, 5.0),
    ];
    let simple = simplify_ring(&ring, 0.5);
    assert_eq!(simple, [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]);
    // A finer tolerance keeps the bump of 0.2.
    assert!(simplify_ring(&ring, 0.15).contains(&(10.2, 7.0)));
    assert_eq!(simplify_ring(&ring, 0.0).len(), ring.len());
    // A triangle stays a triangle.
    let triangle = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0)];
    assert_eq!(simplify_ring(&triangle, 5.0), triangle);
}

#[test]
fn the_projection_shortens_longitudes_by_the_cosine_of_the_latitude_and_fits_the_frame() {
    // One degree square around 60°N is half as wide as it is tall.
    let bounds = Bounds {
        min: (10.0, 59.5),
        max: (11.0, 60.5),
    };
    let projection = Projection::fit(bounds, 400.0, 300.0);
    assert_eq!(projection.size().0, 400.0);
    assert!((projection.size().1 - 300.0).abs() < 1e-9);
    let (x, y) = projection.apply((10.0, 60.5));
    assert!((x - 125.0).abs() < 1e-6 && y.abs() < 1e-9, "{x} {y}");
    let (x, y) = projection.apply((11.0, 59.5));
    assert!(
        (x - 275.0).abs() < 1e-6 && (y - 300.0).abs() < 1e-9,
        "{x} {y}"
    );

    // Near the equator a wide box fills the width and takes the height it needs.
    let wide = Bounds {
        min: (105.0, 0.0),
        max: (107.0, 0.5),
    };
    let projection = Projection::fit(wide, 400.0, 400.0);
    let height = projection.size().1;
    assert!((height - 100.0).abs() < 0.1, "{height}");
    // A single point is drawn, not divided by zero.
    let point = Bounds {
        min: (105.0, 20.0),
        max: (105.0, 20.0),
    };
    let (x, y) = Projection::fit(point, 400.0, 400.0).apply((105.0, 20.0));
    assert!(x.is_finite() && y.is_finite());
}

#[test]
fn labels_go_as_near_the_middle_as_they_fit() {
    let square = vec![vec![(0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0)]];
    let ((x, y), room) = label_room(&[square], 40.0, 20.0).unwrap();
    assert_eq!((x, y, room), (50.0, 50.0, 100.0));
    // An L: the label does not fit the narrow upright, so it goes in the wide foot.
    let l_shape = vec![vec![
        (0.0, 0.0),
        (20.0, 0.0),
        (20.0, 80.0),
        (100.0, 80.0),
        (100.0, 100.0),
        (0.0, 100.0),
    ]];
    let ((x, y), room) = label_room(std::slice::from_ref(&l_shape), 60.0, 10.0).unwrap();
    assert!(
        y > 80.0 && (x - 50.0).abs() < 1e-9 && room == 100.0,
        "{x} {y} {room}"
    );
    // A short label fits the upright, nearer the middle.
    let ((x, y), _) = label_room(&[l_shape], 12.0, 10.0).unwrap();
    assert!(
        (x - 10.0).abs() < 1e-9 && (y - 50.0).abs() < 1e-9,
        "{x} {y}"
    );
    // A trapezium wider at the bottom keeps a label that fits in the middle there.
    let trapezium = vec![vec![(30.0, 0.0), (70.0, 0.0), (100.0, 100.0), (0.0, 100.0)]];
    let ((_, y), _) = label_room(&[trapezium], 50.0, 10.0).unwrap();
    assert_eq!(y, 50.0);
}
