//! Reading a workshop's room: its participants decoded and assessed a step at a time, and the
//! participants handed from one view of the room to the next.

use leptos::prelude::*;

use crate::platform::{self};
use crate::ui::state::Store;
use stagefit_core::BANK;
use stagefit_core::workshop::{self, Workshop};

/// How many new participants are decoded and assessed in one browser task.
const STEP: usize = 250;

/// The participants last read by a workshop view, handed on through context (the app provides
/// it) when that view closes: opening "Present results" from the workshop, or going back,
/// takes them as they are instead of reading the room again.
#[derive(Clone, Copy)]
pub struct RoomCache(StoredValue<Vec<workshop::Participant>>);

impl RoomCache {
    pub fn new() -> RoomCache {
        RoomCache(StoredValue::new(Vec::new()))
    }
}

impl Default for RoomCache {
    fn default() -> RoomCache {
        RoomCache::new()
    }
}

/// The stored workshop with this id, kept in step with storage (`None` once it is gone).
pub(super) fn stored_workshop(store: Store, id: StoredValue<String>) -> Memo<Option<Workshop>> {
    Memo::new(move |_| {
        store
            .workshops()
            .with(|list| list.iter().find(|w| id.with_value(|i| &w.id == i)).cloned())
    })
}

/// A workshop's participants and their aggregate, and whether they are read: false while a
/// large room is still being read, so "no participants" can be told from "not read yet" (issue
/// 30: a room none of whose links open said "Reading" for ever). Participants already decoded
/// and assessed are reused by payload, so removing one from a room of 2,000 assesses nobody
/// again; new ones are decoded and assessed `STEP` at a time, each step in its own browser task,
/// so that a paste of 2,000 links never freezes the page for long (issue 18). The room shows
/// once all are read.
pub(super) fn room(
    current: Memo<Option<Workshop>>,
) -> (
    RwSignal<Vec<workshop::Participant>>,
    Memo<workshop::Aggregate>,
    ReadSignal<bool>,
) {
    let cache = use_context::<RoomCache>();
    // Those already read show at once; the rest are read below.
    let first = match (cache, current.get_untracked()) {
        (Some(cache), Some(w)) => cache.0.with_value(|c| workshop::participants_known(&w, c)),
        _ => Vec::new(),
    };
    let people = RwSignal::new(first);
    // Kept for the next view of this room when this one closes (not on every change: copying
    // 2,000 participants each time would cost what reusing them saves).
    if let Some(cache) = cache {
        on_cleanup(move || {
            if let Some(list) = people.try_get_untracked() {
                cache.0.set_value(list);
            }
        });
    }
    // Each change of the workshop starts a new reading; an older one still under way stops.
    let reading = StoredValue::new(0_u64);
    let read = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(w) = current.get() else {
            people.set(Vec::new());
            read.set(true);
            return;
        };
        reading.update_value(|n| *n += 1);
        let this = reading.get_value();
        // Taken, not copied: the list is set again below (at once, or once the steps are done).
        let mut known = people
            .try_update_untracked(std::mem::take)
            .unwrap_or_default();
        let todo: Vec<String> = workshop::new_payloads(&w, &known)
            .into_iter()
            .map(str::to_string)
            .collect();
        if todo.len() <= STEP {
            known.extend(todo.iter().filter_map(|p| workshop::participant(&BANK, p)));
            people.set(workshop::in_workshop_order(&w, known));
            read.set(true);
            return;
        }
        read.set(false);
        leptos::task::spawn_local(async move {
            for step in todo.chunks(STEP) {
                platform::next_task().await;
                if reading.get_value() != this {
                    return;
                }
                known.extend(step.iter().filter_map(|p| workshop::participant(&BANK, p)));
            }
            platform::next_task().await;
            if reading.get_value() == this {
                people.set(workshop::in_workshop_order(&w, known));
                read.set(true);
            }
        });
    });
    let aggregate = Memo::new(move |_| people.with(|p| workshop::aggregate(&BANK, p)));
    (people, aggregate, read.read_only())
}
