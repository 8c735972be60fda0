//! The maths of a small map: the extent of shapes, the projection of degrees onto a frame,
//! the simplification of outlines (Douglas–Peucker), and the room inside an outline for a
//! label.

use super::{Point, Polygon};

/// The extent of a set of points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bounds {
    pub min: Point,
    pub max: Point,
}

impl Bounds {
    /// The extent of `points`, ignoring any that are not finite; `None` when none is.
    pub fn of(points: impl Iterator<Item = Point>) -> Option<Bounds> {
        points.filter(|(x, y)| x.is_finite() && y.is_finite()).fold(
            None,
            |bounds: Option<Bounds>, (x, y)| {
                Some(match bounds {
                    None => Bounds {
                        min: (x, y),
                        max: (x, y),
                    },
                    Some(b) => Bounds {
                        min: (b.min.0.min(x), b.min.1.min(y)),
                        max: (b.max.0.max(x), b.max.1.max(y)),
                    },
                })
            },
        )
    }

    pub fn width(&self) -> f64 {
        self.max.0 - self.min.0
    }

    pub fn height(&self) -> f64 {
        self.max.1 - self.min.1
    }
}

/// Longitude and latitude onto a frame: equirectangular, with longitudes shortened by the
/// cosine of the middle latitude so that shapes keep their proportions there. Over a
/// province (a few hundred kilometres) that is within a percent or two of a conformal
/// projection, and it needs no library. North is up; y grows downwards as in SVG.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projection {
    /// The cosine of the middle latitude.
    shrink: f64,
    /// Frame units per degree of latitude.
    scale: f64,
    /// The west and north edges of the shapes, in degrees.
    west: f64,
    north: f64,
    /// Where the west edge falls in the frame: the map is centred across its width.
    left: f64,
    size: (f64, f64),
}

impl Projection {
    /// The projection that fits `bounds` (in degrees) into a frame `width` wide and at most
    /// `max_height` tall, as large as it goes, centred across the width.
    pub fn fit(bounds: Bounds, width: f64, max_height: f64) -> Projection {
        let middle = (bounds.min.1 + bounds.max.1) / 2.0;
        let shrink = middle.to_radians().cos().max(0.01);
        let across = bounds.width() * shrink;
        let down = bounds.height();
        let fits = |room: f64, extent: f64| {
            if extent > 0.0 {
                room / extent
            } else {
                f64::INFINITY
            }
        };
        let mut scale = fits(width, across).min(fits(max_height, down));
        if !scale.is_finite() {
            // A single point: any scale draws it in the middle.
            scale = 1.0;
        }
        let size = (across * scale, down * scale);
        Projection {
            shrink,
            scale,
            west: bounds.min.0,
            north: bounds.max.1,
            left: (width - size.0) / 2.0,
            size: (width, size.1),
        }
    }

    pub fn apply(&self, (lon, lat): Point) -> Point {
        (
            self.left + (lon - self.west) * self.shrink * self.scale,
            (self.north - lat) * self.scale,
        )
    }

    /// The frame the map takes: the width asked for and the height the shapes need.
    pub fn size(&self) -> (f64, f64) {
        self.size
    }
}

/// A closed ring (its last point not repeating the first) simplified by Douglas–Peucker:
/// points closer than `tolerance` to the line kept between their neighbours go. The ring
/// is cut in two at the point farthest from its first, so that both ends are kept; rings
/// of three points or fewer come back as they are.
pub fn simplify_ring(ring: &[Point], tolerance: f64) -> Vec<Point> {
    if ring.len() <= 3 {
        return ring.to_vec();
    }
    let first = ring[0];
    let far = (1..ring.len())
        .max_by(|&a, &b| distance(first, ring[a]).total_cmp(&distance(first, ring[b])))
        .unwrap_or(1);
    let mut keep = vec![false; ring.len()];
    keep[0] = true;
    keep[far] = true;
    // The ring closed again, so that the second half ends where the first began.
    let closed: Vec<Point> = ring.iter().copied().chain(std::iter::once(first)).collect();
    let mut kept_closed = vec![false; closed.len()];
    douglas_peucker(&closed, 0, far, tolerance, &mut kept_closed);
    douglas_peucker(&closed, far, closed.len() - 1, tolerance, &mut kept_closed);
    for (i, kept) in kept_closed[..ring.len()].iter().enumerate() {
        keep[i] |= *kept;
    }
    ring.iter()
        .zip(keep)
        .filter_map(|(p, kept)| kept.then_some(*p))
        .collect()
}

/// Marks the points of `points[first..=last]` to keep, without recursion (a ring of a
/// national boundary has tens of thousands of points).
fn douglas_peucker(points: &[Point], first: usize, last: usize, tolerance: f64, keep: &mut [bool]) {
    let mut stack = vec![(first, last)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (far, gap) = (a + 1..b)
            .map(|i| (i, segment_distance(points[i], points[a], points[b])))
            .fold(
                (a, -1.0),
                |best, next| if next.1 > best.1 { next } else { best },
            );
        if gap > tolerance {
            keep[far] = true;
            stack.push((a, far));
            stack.push((far, b));
        }
    }
}

fn distance(a: Point, b: Point) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

/// The distance from `p` to the segment from `a` to `b`.
fn segment_distance(p: Point, a: Point, b: Point) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    if length == 0.0 {
        return distance(p, a);
    }
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0);
    distance(p, (a.0 + t * dx, a.1 + t * dy))
}

/// Where a label `width` wide and `height` tall goes inside the largest polygon of a
/// projected shape: on a line across it as near its middle as the label fits, centred in
/// the room the outline leaves there (as much on each side of the middle as the outline
/// allows at the label's top, middle and bottom). Returns the label's centre and that
/// room; when the label fits nowhere, the place with the most room. `None` for a shape
/// without area.
pub fn label_room(polygons: &[Polygon], width: f64, height: f64) -> Option<(Point, f64)> {
    let polygon = polygons
        .iter()
        .max_by(|a, b| polygon_area(a).total_cmp(&polygon_area(b)))?;
    let bounds = Bounds::of(polygon.first()?.iter().copied())?;
    if bounds.height() <= 0.0 {
        return None;
    }
    let mut best: Option<(Point, f64)> = None;
    // Lines from the middle outwards: the first where the label fits wins.
    const LINES: i32 = 10;
    let offsets = (0..LINES).flat_map(|i| if i == 0 { vec![0] } else { vec![-i, i] });
    for offset in offsets {
        let y = bounds.min.1 + bounds.height() * f64::from(LINES + offset) / f64::from(2 * LINES);
        for (a, b) in crossings(polygon, y).chunks_exact(2).map(|c| (c[0], c[1])) {
            let x = (a + b) / 2.0;
            let room = [y - height / 2.0, y, y + height / 2.0]
                .iter()
                .map(|&line| room_around(polygon, line, x))
                .fold(f64::INFINITY, f64::min);
            if room >= width {
                return Some(((x, y), room));
            }
            if best.is_none_or(|(_, most)| room > most) {
                best = Some(((x, y), room));
            }
        }
    }
    best
}

/// Where a horizontal line at `y` crosses the polygon's rings, sorted: inside runs from
/// each odd crossing to the next (even–odd rule, so holes are outside).
fn crossings(polygon: &Polygon, y: f64) -> Vec<f64> {
    let mut xs: Vec<f64> = Vec::new();
    for ring in polygon {
        for (i, &p) in ring.iter().enumerate() {
            let q = ring[(i + 1) % ring.len()];
            if (p.1 > y) != (q.1 > y) {
                xs.push(p.0 + (y - p.1) * (q.0 - p.0) / (q.1 - p.1));
            }
        }
    }
    xs.sort_by(f64::total_cmp);
    xs
}

/// Twice the distance from `x` to the nearer edge of the inside run holding it, on the
/// line at `y`; 0 when `x` is outside there.
fn room_around(polygon: &Polygon, y: f64, x: f64) -> f64 {
    crossings(polygon, y)
        .chunks_exact(2)
        .find(|c| c[0] <= x && x <= c[1])
        .map_or(0.0, |c| 2.0 * (x - c[0]).min(c[1] - x))
}

/// A polygon's area: its outer ring's less its holes'.
fn polygon_area(polygon: &Polygon) -> f64 {
    let ring_area = |ring: &Vec<Point>| {
        let twice: f64 = ring
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let q = ring[(i + 1) % ring.len()];
                p.0 * q.1 - q.0 * p.1
            })
            .sum();
        (twice / 2.0).abs()
    };
    let mut rings = polygon.iter();
    let outer = rings.next().map_or(0.0, ring_area);
    outer - rings.map(ring_area).sum::<f64>()
}
