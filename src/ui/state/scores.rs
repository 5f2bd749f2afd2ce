//! The score of every version in the history, worked out once and a part at a time (issue 26):
//! History's trend needs them all, and a thousand assessments with their versions scored in one
//! task would hold the page. Rows score only themselves; the trend reads these.

use std::collections::HashMap;

use leptos::prelude::*;

use super::Store;
use crate::platform::{self, storage};
use stagefit_core::{Answers, BANK, assess};

/// One version of one assessment: its id, its number and when it was saved (bits of the time),
/// so a version changed in place (a rename) is scored again.
pub type ScoreKey = (String, u32, u64);

/// How long (ms) scoring works before letting the page draw.
const PART_MS: f64 = 25.0;

impl Store {
    /// The scores of the history's versions worked out so far.
    pub fn scores(&self) -> ReadSignal<HashMap<ScoreKey, Option<u8>>> {
        self.scores.read_only()
    }

    /// Works out the scores the history's versions still lack, a part at a time with the page
    /// drawing in between; what was found is added at the end, in one change.
    pub async fn score_history(self) {
        let todo: Vec<(ScoreKey, Answers)> = self.history.with_untracked(|h| {
            self.scores.with_untracked(|known| {
                h.iter()
                    .flat_map(|s| {
                        s.versions().map(move |(n, answers, when)| {
                            ((s.id.clone(), n, when.to_bits()), answers)
                        })
                    })
                    .filter(|(key, _)| !known.contains_key(key))
                    .map(|(key, answers)| (key, answers.clone()))
                    .collect()
            })
        });
        if todo.is_empty() {
            return;
        }
        let mut found = Vec::with_capacity(todo.len());
        let mut part = storage::now();
        for (key, answers) in todo {
            if storage::now() - part > PART_MS {
                platform::next_task().await;
                part = storage::now();
            }
            found.push((key, assess(&BANK, &answers).score));
        }
        if self.scores.try_update(|m| m.extend(found)).is_none() {
            // The app is gone: nothing to show.
        }
    }
}
