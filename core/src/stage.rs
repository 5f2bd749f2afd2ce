//! The three company stages (early, growth, mature), where the 0-to-4 stage scale is cut
//! between them, and the id used for each in saved data and page hooks (the words people read
//! are the app's, in `results.json`).
//!
//! It only names and places stages: inferring a company's stage from answers is `scoring`'s
//! job, and this module must never depend on answers or scoring, so both can depend on it.

use std::fmt;

/// The three company stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Early,
    Growth,
    Mature,
}

/// Where the stage scale (0 early to 4 mature) is cut: below the first cut is early, from the
/// second on is mature.
pub(crate) const CUTS: [f32; 2] = [4.0 / 3.0, 8.0 / 3.0];

impl Stage {
    pub const ALL: [Stage; 3] = [Stage::Early, Stage::Growth, Stage::Mature];

    /// The index used for per-stage data in the bank (bands, weights).
    pub fn index(self) -> usize {
        match self {
            Stage::Early => 0,
            Stage::Growth => 1,
            Stage::Mature => 2,
        }
    }

    /// "early", "growth" or "mature": the stage in saved data and page hooks. People read its
    /// name in their language (the app's `results.json`).
    pub fn id(self) -> &'static str {
        match self {
            Stage::Early => "early",
            Stage::Growth => "growth",
            Stage::Mature => "mature",
        }
    }

    /// The stage a position on the 0 (early) to 4 (mature) scale falls in.
    pub fn at(position: f32) -> Stage {
        if position < CUTS[0] {
            Stage::Early
        } else if position < CUTS[1] {
            Stage::Growth
        } else {
            Stage::Mature
        }
    }
}

/// "Early", "Growth", "Mature": for logs, tests and the workshop's text until it is translated;
/// the results read stage names from the app's `results.json`.
impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Early => "Early",
            Stage::Growth => "Growth",
            Stage::Mature => "Mature",
        })
    }
}
