//! Boundaries of places as geometry (pure): reading GeoJSON and TopoJSON with every problem
//! placed in the file (`read`), and the plain maths a map needs (`shape`): projecting
//! longitude and latitude onto a flat frame, simplifying outlines to what the frame can
//! show, and finding room inside an outline for its name. Knows nothing of sites:
//! `content::plan::boundaries` matches the features with the places of `places.toml`, and
//! `charts` draws them.

mod read;
mod shape;

pub use read::{Feature, Key, read};
pub use shape::{Bounds, Projection, label_room, simplify_ring};

/// A position: longitude and latitude in degrees (WGS 84), or x and y once projected.
pub type Point = (f64, f64);
/// A closed ring, its last point not repeating the first.
pub type Ring = Vec<Point>;
/// An outer ring followed by its holes.
pub type Polygon = Vec<Ring>;

/// The area of a place: one polygon or several (islands, parts apart).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    pub polygons: Vec<Polygon>,
}

impl Shape {
    /// Every point of every ring.
    pub fn points(&self) -> impl Iterator<Item = Point> + '_ {
        self.polygons.iter().flatten().flatten().copied()
    }

    /// Adds the polygons of another feature naming the same place.
    pub fn extend(&mut self, other: Shape) {
        self.polygons.extend(other.polygons);
    }
}

#[cfg(test)]
mod tests;
