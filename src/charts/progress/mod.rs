//! Compact progress: a bullet bar from baseline to target for cards, and a sparkline for the
//! home and group pages.

mod bullet;
mod sparkline;

pub use bullet::{BulletChart, bullet};
pub use sparkline::{Sparkline, sparkline};
