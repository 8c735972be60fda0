//! GeoJSON (a FeatureCollection of Polygon and MultiPolygon features) and TopoJSON (a
//! Topology whose objects hold such geometries) read into features: the keys that may name
//! each feature's place, its shape in degrees, and where it is written.
//!
//! Positions come from serde_json itself: the document is read with each feature, property
//! and geometry kept as raw text (`RawValue`), and a raw value is a slice of the file, so
//! its offset places a message exactly. A file that is not JSON, or not a collection of
//! features, is an error; a feature that cannot be drawn is a warning and is left off the
//! map, so that one bad outline does not take the whole site down.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::{Point, Polygon, Ring, Shape};
use crate::diag::{Diagnostic, Source};
use crate::slug::fold_ascii;
use crate::t;

/// One feature of the file: what may name its place, and its area.
#[derive(Clone, Debug)]
pub struct Feature {
    /// The texts that may name the feature's place, in the order to try them: the
    /// feature's `id`, then properties that usually hold a code (`ma`, `code`), a name
    /// (`name`, `ten`), and then any other text or number property.
    pub keys: Vec<Key>,
    /// `None` when its geometry cannot be drawn (already reported).
    pub shape: Option<Shape>,
    /// Where the feature starts in the file.
    pub at: Range<usize>,
}

/// A text of a feature that may name its place.
#[derive(Clone, Debug)]
pub struct Key {
    /// The property it is (`id` for the feature's own id).
    pub property: String,
    pub value: String,
    /// Where the value is written.
    pub at: Range<usize>,
}

/// Reads the features of a GeoJSON or TopoJSON text (told apart by its `type`, whatever the
/// file's name), with every problem found. `file` names the file in messages.
pub fn read(file: &str, text: &str) -> (Vec<Feature>, Vec<Diagnostic>) {
    let mut reader = Reader {
        source: Source::new(file, text),
        diagnostics: Vec::new(),
    };
    let features = reader.document().unwrap_or_default();
    (features, reader.diagnostics)
}

/// The top of the file: its `type`, and the members of a FeatureCollection (`features`)
/// or a Topology (`objects`, `arcs`, `transform`), each kept as raw text.
struct Document<'a> {
    kind: Option<&'a RawValue>,
    features: Option<&'a RawValue>,
    objects: Option<&'a RawValue>,
    arcs: Option<&'a RawValue>,
    transform: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct FeatureJson<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    properties: Option<BTreeMap<String, &'a RawValue>>,
    #[serde(borrow, default)]
    geometry: Option<&'a RawValue>,
}

/// A GeoJSON geometry, or a TopoJSON one (which has `arcs` where GeoJSON has
/// `coordinates`, and its own `id` and `properties`).
#[derive(Deserialize)]
struct GeometryJson<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow, default)]
    coordinates: Option<&'a RawValue>,
    #[serde(borrow, default)]
    arcs: Option<&'a RawValue>,
    #[serde(borrow, default)]
    geometries: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    properties: Option<BTreeMap<String, &'a RawValue>>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// A polygon's rings as written: each a list of positions, each a list of numbers.
type Rings = Vec<Vec<Vec<f64>>>;

/// Why a feature is left off the map.
enum Problem {
    /// Not a JSON object of the expected form; serde_json's words.
    Form(String),
    NoGeometry,
    Unsupported(String),
    Coordinates,
    NotDegrees,
    Arc(i64),
    Empty,
}

struct Reader<'a> {
    source: Source<'a>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    fn document(&mut self) -> Option<Vec<Feature>> {
        let text = self.source.text;
        let mut members: BTreeMap<String, &'a RawValue> = match serde_json::from_str(text) {
            Ok(members) => members,
            Err(error) => {
                self.diagnostics.push(self.json_error(text, &error));
                return None;
            }
        };
        let document = Document {
            kind: members.remove("type"),
            features: members.remove("features"),
            objects: members.remove("objects"),
            arcs: members.remove("arcs"),
            transform: members.remove("transform"),
        };
        let kind = document
            .kind
            .and_then(|k| serde_json::from_str::<String>(k.get()).ok());
        match kind.as_deref() {
            Some("FeatureCollection") => {
                let Some(raw) = document.features else {
                    self.diagnostics.push(
                        Diagnostic::error("map-file", t!("map-no-features"))
                            .at(&self.source, self.first_char(document.kind))
                            .with_hint(t!("map-no-features-hint")),
                    );
                    return None;
                };
                let features: Vec<&'a RawValue> = match self.parse(raw) {
                    Ok(features) => features,
                    Err(problem) => {
                        let at = self.first_char(Some(raw));
                        self.report_error(problem, at);
                        return None;
                    }
                };
                Some(
                    features
                        .into_iter()
                        .filter_map(|raw| self.feature(raw))
                        .collect(),
                )
            }
            Some("Topology") => self.topology(&document),
            _ => {
                let written = kind.unwrap_or_default();
                let place = match document.kind {
                    Some(raw) => self.span(raw),
                    None => 0..1,
                };
                self.diagnostics.push(
                    Diagnostic::error("map-file", t!("map-not-collection", kind = written))
                        .at(&self.source, place)
                        .with_hint(t!("map-not-collection-hint")),
                );
                None
            }
        }
    }

    /// A GeoJSON feature; `None` when it is left off (reported).
    fn feature(&mut self, raw: &'a RawValue) -> Option<Feature> {
        let at = self.first_char(Some(raw));
        let parsed: FeatureJson<'a> = match self.parse(raw) {
            Ok(parsed) => parsed,
            Err(problem) => {
                self.report(problem, at);
                return None;
            }
        };
        let keys = self.keys(parsed.id, parsed.properties.as_ref());
        let shape = match parsed.geometry {
            None => Err((Problem::NoGeometry, at.clone())),
            Some(geometry) => self.geometry(geometry, &|_| Err(Problem::Coordinates)),
        };
        let shape = shape.map_err(|(problem, place)| self.report(problem, place));
        Some(Feature {
            keys,
            shape: shape.ok(),
            at,
        })
    }

    /// The features of a TopoJSON topology: each member of a GeometryCollection object (or
    /// each object that is a geometry itself), its rings made from the shared arcs.
    fn topology(&mut self, document: &Document<'a>) -> Option<Vec<Feature>> {
        let Some(raw) = document.objects else {
            self.diagnostics.push(
                Diagnostic::error("map-file", t!("map-no-objects"))
                    .at(&self.source, self.first_char(document.kind))
                    .with_hint(t!("map-no-features-hint")),
            );
            return None;
        };
        let objects: BTreeMap<String, &'a RawValue> = match self.parse(raw) {
            Ok(objects) => objects,
            Err(problem) => {
                let at = self.first_char(Some(raw));
                self.report_error(problem, at);
                return None;
            }
        };
        let arcs = self.arcs(document)?;
        let mut features = Vec::new();
        for raw in objects.values() {
            let at = self.first_char(Some(raw));
            let object: GeometryJson<'a> = match self.parse(raw) {
                Ok(object) => object,
                Err(problem) => {
                    self.report(problem, at);
                    continue;
                }
            };
            let members = match (object.kind.as_str(), &object.geometries) {
                ("GeometryCollection", Some(members)) => members.clone(),
                _ => vec![*raw],
            };
            for member in members {
                features.extend(self.topology_feature(member, &arcs));
            }
        }
        Some(features)
    }

    fn topology_feature(&mut self, raw: &'a RawValue, arcs: &[Vec<Point>]) -> Option<Feature> {
        let at = self.first_char(Some(raw));
        let parsed: GeometryJson<'a> = match self.parse(raw) {
            Ok(parsed) => parsed,
            Err(problem) => {
                self.report(problem, at);
                return None;
            }
        };
        let keys = self.keys(parsed.id, parsed.properties.as_ref());
        let resolve = |raw: &RawValue| topology_rings(raw, arcs);
        let shape = self
            .geometry(raw, &resolve)
            .map_err(|(problem, place)| self.report(problem, place));
        Some(Feature {
            keys,
            shape: shape.ok(),
            at,
        })
    }

    /// The arcs of a topology, decoded (quantized positions are summed and scaled).
    fn arcs(&mut self, document: &Document<'a>) -> Option<Vec<Vec<Point>>> {
        let transform: Option<Transform> = match document.transform {
            None => None,
            Some(raw) => match self.parse(raw) {
                Ok(transform) => Some(transform),
                Err(problem) => {
                    let at = self.first_char(Some(raw));
                    self.report_error(problem, at);
                    return None;
                }
            },
        };
        let raw_arcs: Vec<Vec<Vec<f64>>> = match document.arcs {
            None => Vec::new(),
            Some(raw) => match self.parse(raw) {
                Ok(arcs) => arcs,
                Err(problem) => {
                    let at = self.first_char(Some(raw));
                    self.report_error(problem, at);
                    return None;
                }
            },
        };
        Some(
            raw_arcs
                .into_iter()
                .map(|arc| decode_arc(&arc, transform.as_ref()))
                .collect(),
        )
    }

    /// The polygons of a geometry; `rings_of` gives the rings of one polygon's TopoJSON
    /// `arcs`.
    fn geometry(
        &self,
        raw: &'a RawValue,
        rings_of: &dyn Fn(&RawValue) -> Result<Rings, Problem>,
    ) -> Result<Shape, (Problem, Range<usize>)> {
        let at = self.first_char(Some(raw));
        let geometry: GeometryJson<'a> = self.parse(raw).map_err(|p| (p, at.clone()))?;
        let mut shape = Shape::default();
        match geometry.kind.as_str() {
            "Polygon" | "MultiPolygon" => {
                let multi = geometry.kind == "MultiPolygon";
                let polygons: Vec<Rings> = match (geometry.coordinates, geometry.arcs) {
                    (Some(coordinates), _) => {
                        let place = self.first_char(Some(coordinates));
                        let parsed = if multi {
                            self.parse(coordinates)
                        } else {
                            self.parse(coordinates).map(|polygon| vec![polygon])
                        };
                        parsed.map_err(|_| (Problem::Coordinates, place))?
                    }
                    (None, Some(arcs)) => {
                        let place = self.first_char(Some(arcs));
                        if multi {
                            let parts: Vec<&RawValue> = self
                                .parse(arcs)
                                .map_err(|_| (Problem::Coordinates, place.clone()))?;
                            parts
                                .into_iter()
                                .map(rings_of)
                                .collect::<Result<_, _>>()
                                .map_err(|p| (p, place))?
                        } else {
                            vec![rings_of(arcs).map_err(|p| (p, place))?]
                        }
                    }
                    (None, None) => return Err((Problem::Coordinates, at)),
                };
                for polygon in polygons {
                    if let Some(polygon) = polygon_of(polygon).map_err(|p| (p, at.clone()))? {
                        shape.polygons.push(polygon);
                    }
                }
            }
            "GeometryCollection" => {
                for member in geometry.geometries.unwrap_or_default() {
                    shape.extend(self.geometry(member, rings_of)?);
                }
            }
            other => return Err((Problem::Unsupported(other.to_string()), at)),
        }
        if shape.polygons.is_empty() {
            return Err((Problem::Empty, at));
        }
        Ok(shape)
    }

    /// The keys of a feature: its `id`, then its properties by how likely each is to name
    /// a place.
    fn keys(
        &self,
        id: Option<&'a RawValue>,
        properties: Option<&BTreeMap<String, &'a RawValue>>,
    ) -> Vec<Key> {
        let mut keys: Vec<(u8, Key)> = Vec::new();
        let mut add = |rank: u8, property: &str, raw: &'a RawValue| {
            if let Some(value) = key_text(raw) {
                keys.push((
                    rank,
                    Key {
                        property: property.to_string(),
                        value,
                        at: self.span(raw),
                    },
                ));
            }
        };
        if let Some(id) = id {
            add(0, "id", id);
        }
        for (name, raw) in properties.into_iter().flatten() {
            add(key_rank(name), name, raw);
        }
        keys.sort_by_key(|(rank, _)| *rank);
        keys.into_iter().map(|(_, key)| key).collect()
    }

    fn parse<T: Deserialize<'a>>(&self, raw: &'a RawValue) -> Result<T, Problem> {
        serde_json::from_str(raw.get()).map_err(|e| Problem::Form(detail(&e)))
    }

    /// The byte range of a raw value in the file.
    fn span(&self, raw: &RawValue) -> Range<usize> {
        let text = self.source.text;
        let start = (raw.get().as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        if start > text.len() {
            return 0..0;
        }
        start..(start + raw.get().len()).min(text.len())
    }

    /// Where a raw value starts, one character long: objects span many lines.
    fn first_char(&self, raw: Option<&RawValue>) -> Range<usize> {
        let start = raw.map_or(0, |raw| self.span(raw).start);
        start..start + 1
    }

    /// A JSON error of the file's text.
    fn json_error(&self, text: &str, error: &serde_json::Error) -> Diagnostic {
        let offset = offset_of(text, error.line(), error.column());
        let (message, hint) = match error.classify() {
            serde_json::error::Category::Eof => (t!("map-json-eof"), t!("map-json-eof-hint")),
            serde_json::error::Category::Syntax => {
                (t!("map-json-syntax"), t!("map-json-syntax-hint"))
            }
            _ => (t!("map-json-form"), t!("map-no-features-hint")),
        };
        Diagnostic::error("map-json", message)
            .at(&self.source, offset..offset + 1)
            .with_hint(hint)
            .with_note(t!("map-json-detail", detail = detail(error)))
    }

    /// Reports why a feature is left off the map (a warning).
    fn report(&mut self, problem: Problem, at: Range<usize>) {
        let diagnostic = problem_diagnostic(problem, true);
        self.diagnostics.push(diagnostic.at(&self.source, at));
    }

    /// Reports a problem that leaves the whole map out (an error).
    fn report_error(&mut self, problem: Problem, at: Range<usize>) {
        let diagnostic = problem_diagnostic(problem, false);
        self.diagnostics.push(diagnostic.at(&self.source, at));
    }
}

fn problem_diagnostic(problem: Problem, warning: bool) -> Diagnostic {
    let (code, message, hint) = match problem {
        Problem::Form(detail) => (
            "map-feature",
            t!("map-feature-form"),
            t!("map-json-detail", detail = detail),
        ),
        Problem::NoGeometry => (
            "map-geometry",
            t!("map-no-geometry"),
            t!("map-geometry-hint"),
        ),
        Problem::Unsupported(kind) => (
            "map-geometry",
            t!("map-geometry-unsupported", kind = kind),
            t!("map-geometry-hint"),
        ),
        Problem::Coordinates => (
            "map-geometry",
            t!("map-coordinates"),
            t!("map-coordinates-hint"),
        ),
        Problem::NotDegrees => (
            "map-geometry",
            t!("map-not-degrees"),
            t!("map-not-degrees-hint"),
        ),
        Problem::Arc(index) => (
            "map-geometry",
            t!("map-arc-missing", index = index),
            t!("map-arc-missing-hint"),
        ),
        Problem::Empty => ("map-geometry", t!("map-empty"), t!("map-geometry-hint")),
    };
    let diagnostic = if warning {
        Diagnostic::warning(code, message)
    } else {
        Diagnostic::error(code, message)
    };
    diagnostic.with_hint(hint)
}

/// serde_json's words for an error, without its "at line 3 column 7" (the message places
/// itself).
fn detail(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rsplit_once(" at line ") {
        Some((words, _)) => words.to_string(),
        None => text,
    }
}

/// The byte offset of serde_json's 1-based line and byte column in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// How likely a property is to name the feature's place: codes first, then names, then
/// anything else (compared without case or diacritics: `Mã`, `TÊN_XÃ`).
fn key_rank(property: &str) -> u8 {
    let name = fold_ascii(property);
    let name = name.trim();
    match name {
        "id" | "ma" | "code" => 1,
        "name" | "ten" => 2,
        _ if name.starts_with("ma_")
            || name.starts_with("ma ")
            || name.starts_with("code")
            || name.ends_with("_id")
            || name.ends_with("code") =>
        {
            3
        }
        _ if name.contains("name") || name.starts_with("ten") => 4,
        _ => 5,
    }
}

/// A property's value as a key: a text, or a number as written (`26734`).
fn key_text(raw: &RawValue) -> Option<String> {
    let text = raw.get().trim();
    if text.starts_with('"') {
        serde_json::from_str::<String>(text)
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    } else if text.starts_with(|c: char| c == '-' || c.is_ascii_digit()) {
        Some(text.to_string())
    } else {
        None
    }
}

/// A polygon from its rings of positions: checked to be longitude and latitude, each ring
/// without its closing point. Rings of fewer than three points are dropped; `None` when
/// the outer ring is.
fn polygon_of(rings: Rings) -> Result<Option<Polygon>, Problem> {
    let mut polygon: Polygon = Vec::with_capacity(rings.len());
    for (index, positions) in rings.into_iter().enumerate() {
        let mut ring: Ring = Vec::with_capacity(positions.len());
        for position in positions {
            let (Some(&lon), Some(&lat)) = (position.first(), position.get(1)) else {
                return Err(Problem::Coordinates);
            };
            if !lon.is_finite() || !lat.is_finite() {
                return Err(Problem::Coordinates);
            }
            if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                return Err(Problem::NotDegrees);
            }
            if ring.last() != Some(&(lon, lat)) {
                ring.push((lon, lat));
            }
        }
        if ring.len() > 1 && ring.first() == ring.last() {
            ring.pop();
        }
        if ring.len() < 3 {
            if index == 0 {
                return Ok(None);
            }
            continue;
        }
        polygon.push(ring);
    }
    Ok(if polygon.is_empty() {
        None
    } else {
        Some(polygon)
    })
}

/// The rings of a TopoJSON Polygon's `arcs` (a list of rings, each a list of arc indices;
/// `~i`, that is `-i - 1`, is arc `i` backwards), as positions.
fn topology_rings(raw: &RawValue, arcs: &[Vec<Point>]) -> Result<Rings, Problem> {
    let rings: Vec<Vec<i64>> = parse_owned(raw)?;
    rings
        .into_iter()
        .map(|indices| {
            let mut ring: Vec<Vec<f64>> = Vec::new();
            for index in indices {
                let (arc, backwards) = if index < 0 {
                    (!index, true)
                } else {
                    (index, false)
                };
                let points = usize::try_from(arc)
                    .ok()
                    .and_then(|i| arcs.get(i))
                    .ok_or(Problem::Arc(index))?;
                let mut points: Vec<Point> = points.clone();
                if backwards {
                    points.reverse();
                }
                // Each arc starts where the one before it ended.
                let skip = usize::from(!ring.is_empty());
                ring.extend(points.into_iter().skip(skip).map(|(x, y)| vec![x, y]));
            }
            Ok(ring)
        })
        .collect()
}

fn parse_owned<T: DeserializeOwned>(raw: &RawValue) -> Result<T, Problem> {
    serde_json::from_str(raw.get()).map_err(|e| Problem::Form(detail(&e)))
}

/// An arc's positions: with a transform, the positions after the first are differences
/// from the one before, in a grid that `scale` and `translate` put back in degrees.
fn decode_arc(arc: &[Vec<f64>], transform: Option<&Transform>) -> Vec<Point> {
    let pairs = arc.iter().filter_map(|p| Some((*p.first()?, *p.get(1)?)));
    match transform {
        None => pairs.collect(),
        Some(t) => {
            let (mut x, mut y) = (0.0, 0.0);
            pairs
                .map(|(dx, dy)| {
                    x += dx;
                    y += dy;
                    (
                        x * t.scale[0] + t.translate[0],
                        y * t.scale[1] + t.translate[1],
                    )
                })
                .collect()
        }
    }
}
