//! The session: the assessment in progress (its answers, label, identity and step), someone
//! else's result opened from a link, and the workshop this person was invited to; with the
//! commands that change them (answer, start, resume, finish, change an answer, open a saved
//! result, save a shared one).
//!
//! The app provides one `Session` by context; views read its signals read-only and call its
//! commands. It alone writes these signals, and one effect here saves them as they change: the
//! unfinished assessment as the draft, a finished one in the history.

use leptos::prelude::*;

use super::{Focus, Navigator, Store};
use crate::platform::storage;
use stagefit_core::link::{self, LinkError, LinkNotes};
use stagefit_core::route::Route;
use stagefit_core::snapshot::{self, Draft, SavedPlan, Snapshot, VersionChange};
use stagefit_core::{Answer, Answers, Assessment, BANK, Plan, Stage, StepPlan, assess, report};
use stagefit_core::{step_of, steps};

/// The id of the control that holds a question's answer: the option chosen (the first of
/// several), else the first (the page contract's `q-<question id>-<option>`). Focus goes there
/// when a step opens.
pub fn answer_input(answers: &Answers, question: usize) -> String {
    let q = &BANK.questions[question];
    let answer = answers.get(question);
    let index = match answer {
        Answer::Chosen(_) | Answer::Several(_) => answer.picked().next().unwrap_or(0),
        Answer::Unknown => q.options.len(),
        Answer::Unanswered => 0,
    };
    format!("q-{}-{index}", q.id)
}

/// The identity of the assessment on screen: saved under this id, created at this time.
#[derive(Clone, Debug, PartialEq)]
struct Identity {
    id: String,
    created: f64,
}

impl Identity {
    fn new() -> Identity {
        let created = storage::now();
        Identity {
            id: storage::new_id(created),
            created,
        }
    }
}

/// Why an address could not be opened: said on the view, in the language in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadLink {
    /// It names an assessment this browser has not saved.
    NotSaved,
    /// A share link that could not be read.
    Unreadable(LinkError),
    /// A workshop invitation that does not say which workshop.
    BadJoin,
}

/// What the person is doing with their own assessment, which decides how it is saved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// On the landing view, a step or the review: kept as the draft.
    Answering,
    /// On its results: kept in the history.
    Finished,
    /// Elsewhere (history, a shared result, a workshop): nothing to save.
    Away,
}

/// What opening a route found: the view the router shows for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The landing view, with the first step.
    Landing,
    /// A step after the first.
    Step,
    Review,
    /// The person's own result.
    Results,
    /// Someone else's result, from a share link: read-only until saved.
    Shared(LinkNotes),
    /// A view that needs nothing from the session: it reads its own parameters.
    Elsewhere(Route),
    Bad(BadLink),
}

/// Whose result a results view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whose {
    Own,
    Shared,
}

#[derive(Clone, Copy)]
pub struct Session {
    store: Store,
    nav: Navigator,
    answers: RwSignal<Answers>,
    label: RwSignal<String>,
    identity: RwSignal<Identity>,
    step: RwSignal<usize>,
    phase: RwSignal<Phase>,
    assessment: Memo<Assessment>,
    // Someone else's result, from a share link: kept apart from the person's own answers, so
    // Back from it returns to their own assessment unchanged.
    shared_answers: RwSignal<Answers>,
    shared_label: RwSignal<String>,
    shared_assessment: Memo<Assessment>,
    /// The workshop this person was invited to through a join link: (id, name).
    joining: RwSignal<Option<(String, String)>>,
    /// Whether an unfinished assessment other than the one on screen is saved.
    offer_resume: Memo<bool>,
    /// The assessment on screen as the history holds it (with its versions and plans), once it
    /// is saved.
    saved: Memo<Option<Snapshot>>,
    plans: StoredValue<Vec<StepPlan>>,
}

impl Session {
    /// A session starting from `early` (the answers given on the prerendered page before the
    /// app started; the takeover sets them again with any given while it was drawn).
    pub fn new(store: Store, nav: Navigator, early: Option<RwSignal<Answers>>) -> Session {
        Session::with_identity(store, nav, early, Identity::new())
    }

    /// A session for the page drawn at build time: nothing answered, and no identity yet (there
    /// is no clock to stamp one with).
    pub fn prerendered(store: Store, nav: Navigator) -> Session {
        let identity = Identity {
            id: String::new(),
            created: 0.0,
        };
        Session::with_identity(store, nav, None, identity)
    }

    fn with_identity(
        store: Store,
        nav: Navigator,
        early: Option<RwSignal<Answers>>,
        identity: Identity,
    ) -> Session {
        let answers = early.unwrap_or_else(|| RwSignal::new(Answers::new(&BANK)));
        let shared_answers = RwSignal::new(Answers::new(&BANK));
        let identity = RwSignal::new(identity);
        // A memo, so saving the draft on every answer does not redraw the landing view.
        let offer_resume = Memo::new(move |_| {
            store.draft().with(|d| {
                d.as_ref()
                    .is_some_and(|d| identity.with(|i| i.id != d.snapshot.id))
            })
        });
        let saved = Memo::new(move |_| {
            let id = identity.with(|i| i.id.clone());
            store
                .history()
                .with(|h| h.iter().find(|s| s.id == id).cloned())
        });
        Session {
            store,
            nav,
            saved,
            answers,
            label: RwSignal::new(String::new()),
            identity,
            step: RwSignal::new(0),
            phase: RwSignal::new(Phase::Away),
            assessment: Memo::new(move |_| answers.with(|a| assess(&BANK, a))),
            shared_answers,
            shared_label: RwSignal::new(String::new()),
            shared_assessment: Memo::new(move |_| shared_answers.with(|a| assess(&BANK, a))),
            joining: RwSignal::new(None),
            offer_resume,
            plans: StoredValue::new(steps(&BANK)),
        }
    }

    // Reading.

    pub fn answers(&self, whose: Whose) -> ReadSignal<Answers> {
        match whose {
            Whose::Own => self.answers.read_only(),
            Whose::Shared => self.shared_answers.read_only(),
        }
    }

    pub fn label(&self, whose: Whose) -> ReadSignal<String> {
        match whose {
            Whose::Own => self.label.read_only(),
            Whose::Shared => self.shared_label.read_only(),
        }
    }

    pub fn assessment(&self, whose: Whose) -> Memo<Assessment> {
        match whose {
            Whose::Own => self.assessment,
            Whose::Shared => self.shared_assessment,
        }
    }

    /// The assessment on screen as saved (its versions and plans included), if it is.
    pub fn saved(&self) -> Memo<Option<Snapshot>> {
        self.saved
    }

    /// What the last change of the assessment on screen did, against the version before:
    /// that version's number and the change. `None` for an assessment with one version.
    pub fn last_change(&self) -> Option<(u32, VersionChange)> {
        self.saved.with(|s| {
            let s = s.as_ref()?;
            let previous = s.previous()?;
            let change = snapshot::version_change(
                &assess(&BANK, &previous.answers),
                &assess(&BANK, &s.answers),
            );
            Some((previous.number, change))
        })
    }

    /// The step on screen, counted from 0.
    pub fn step(&self) -> ReadSignal<usize> {
        self.step.read_only()
    }

    pub fn joining(&self) -> ReadSignal<Option<(String, String)>> {
        self.joining.read_only()
    }

    /// Whether an unfinished assessment other than the one on screen is saved: the landing view
    /// offers to resume it, and the draft is not saved over it meanwhile.
    pub fn offer_resume(&self) -> Memo<bool> {
        self.offer_resume
    }

    // Changing the answers.

    pub fn answer(&self, question: usize, answer: Answer) {
        self.answers.update(|a| a.set(question, answer));
    }

    /// Picks or unpicks one option of a question that takes several answers at once (the core's
    /// `Answer::toggled`). `false`, and nothing changed, when the pick would go past what the
    /// question accepts: the person unpicks one first.
    pub fn toggle(&self, question: usize, option: usize) -> bool {
        let Some(q) = BANK.questions.get(question) else {
            return false;
        };
        let now = self.answers.with_untracked(|a| a.get(question));
        match now.toggled(q, option) {
            Some(next) => {
                self.answer(question, next);
                true
            }
            None => false,
        }
    }

    /// The stage to measure against, chosen by the person (`None`: the one the answers infer).
    pub fn choose_stage(&self, whose: Whose, choice: Option<Stage>) {
        let answers = match whose {
            Whose::Own => self.answers,
            Whose::Shared => self.shared_answers,
        };
        answers.update(|a| a.stage_override = choice);
    }

    pub fn set_label(&self, whose: Whose, label: String) {
        match whose {
            Whose::Own => self.label.set(label),
            Whose::Shared => self.shared_label.set(label),
        }
    }

    // Moving.

    /// Where focus goes on a step: its first question's answer (arrow keys then move within the
    /// question, digits choose, Tab goes on).
    fn focus_on_step(&self, n: usize) -> String {
        let answers = self.answers;
        self.plans
            .with_value(|p| p.get(n).and_then(|plan| plan.questions.first().copied()))
            .map_or_else(
                || "step-heading".to_string(),
                |q| answers.with_untracked(|a| answer_input(a, q)),
            )
    }

    fn last_step(&self) -> usize {
        self.plans.with_value(|p| p.len().saturating_sub(1))
    }

    pub fn go_step(&self, n: usize) {
        self.nav
            .go_focus(Route::Step(n), Focus::On(self.focus_on_step(n)));
    }

    pub fn review(&self) {
        self.nav.go(Route::Review);
    }

    pub fn finish(&self) {
        let id = self.identity.with_untracked(|i| i.id.clone());
        self.nav.go(Route::Results(id));
    }

    /// Opens the step that asks `question`, with focus on its answer: from the review or the
    /// results, one answer is changed and "See results" is one action away.
    pub fn change_answer(&self, question: usize) {
        let to = self.plans.with_value(|p| step_of(p, question)).unwrap_or(0);
        let focus = self.answers.with_untracked(|a| answer_input(a, question));
        self.nav.go_focus(Route::Step(to), Focus::On(focus));
    }

    /// Opens the first question of an area (from its card on the results): as `change_answer`.
    pub fn change_area(&self, dimension: usize) {
        let first = BANK
            .questions
            .iter()
            .position(|q| q.dimension == Some(dimension));
        if let Some(question) = first {
            self.change_answer(question);
        }
    }

    /// Saves `plan` with the assessment on screen (in place of the saved plan `replacing`),
    /// made on its current version. The saved plan's id, or `None` when it could not be stored
    /// (a notice says why).
    pub fn save_plan(&self, plan: &Plan, replacing: Option<String>) -> Option<String> {
        let saved = self.saved.get_untracked()?;
        let id = replacing.unwrap_or_else(|| saved.free_plan_id());
        let keep = SavedPlan::of(&BANK, id.clone(), plan, storage::now(), saved.number());
        self.store.save_plan(&saved.id, keep).map(|_| id)
    }

    /// Deletes the saved plan `plan` of the assessment on screen.
    pub fn delete_plan(&self, plan: &str) -> bool {
        let id = self.identity.with_untracked(|i| i.id.clone());
        self.store.delete_plan(&id, plan).is_some()
    }

    /// Undoes the last change of the assessment on screen: the version before is current again,
    /// and shown.
    pub fn undo_change(&self) {
        let id = self.identity.with_untracked(|i| i.id.clone());
        if let Some(s) = self.store.undo_version(&id) {
            self.load(s);
        }
    }

    fn load(&self, s: Snapshot) {
        self.answers.set(s.answers);
        self.label.set(s.label);
        self.identity.set(Identity {
            id: s.id,
            created: s.created,
        });
    }

    fn fresh(&self) {
        self.answers.set(Answers::new(&BANK));
        self.label.set(String::new());
        self.identity.set(Identity::new());
    }

    /// "Start" from anywhere. A finished assessment on screen is left as it is saved: the start
    /// is a fresh, empty one. An unfinished one saved is never dropped here: the landing view
    /// offers to resume it or (after asking) to discard it.
    pub fn start(&self) {
        let finished = self
            .identity
            .with_untracked(|i| self.store.find(&i.id).is_some());
        if finished {
            self.fresh();
        }
        self.nav.go(Route::Start);
    }

    /// Starts afresh, discarding any unfinished assessment: only the landing view calls this,
    /// after asking.
    pub fn begin_new(&self) {
        self.store.clear_draft();
        self.fresh();
        self.nav.go(Route::Start);
    }

    pub fn resume(&self) {
        if let Some(draft) = self.store.draft().get_untracked() {
            let to = draft.step.min(self.last_step());
            self.load(draft.snapshot);
            self.go_step(to);
        }
    }

    /// Opens a saved assessment's results.
    pub fn open(&self, s: Snapshot) {
        let id = s.id.clone();
        self.load(s);
        self.nav.go(Route::Results(id));
    }

    /// Keeps someone else's result as the person's own, and shows it as such.
    pub fn save_shared(&self) {
        self.answers.set(self.shared_answers.get_untracked());
        self.label.set(self.shared_label.get_untracked());
        self.identity.set(Identity::new());
        self.finish();
    }

    // Opening an address.

    /// The questionnaire and review work on the person's own assessment. Opened by an address
    /// (a reload, Back into them) with nothing answered yet, they take up the unfinished one.
    fn take_up_draft(&self) {
        if self
            .answers
            .with_untracked(|a| !a.iter().any(|a| a.is_given()))
            && let Some(draft) = self.store.draft().get_untracked()
            && self.identity.with_untracked(|i| i.id != draft.snapshot.id)
        {
            self.load(draft.snapshot);
        }
    }

    /// Prepares what `route` shows (a saved result loaded, a share link decoded, an invitation
    /// read) and says which view that is. The router's one call per address.
    pub fn open_route(&self, route: Route) -> Opened {
        let (opened, phase) = match route {
            Route::Start => {
                self.step.set(0);
                (Opened::Landing, Phase::Answering)
            }
            Route::Step(n) => {
                self.take_up_draft();
                self.step.set(n.min(self.last_step()));
                let opened = if n == 0 {
                    Opened::Landing
                } else {
                    Opened::Step
                };
                (opened, Phase::Answering)
            }
            Route::Review => {
                self.take_up_draft();
                (Opened::Review, Phase::Answering)
            }
            Route::Results(id) => (self.open_results(&id), Phase::Finished),
            Route::Shared { payload, .. } => match link::decode(&BANK, &payload) {
                Ok((shared, notes)) => {
                    self.shared_answers.set(shared.answers);
                    self.shared_label.set(shared.label);
                    (Opened::Shared(notes), Phase::Away)
                }
                Err(error) => (Opened::Bad(BadLink::Unreadable(error)), Phase::Away),
            },
            Route::Join { id, name } => {
                self.joining.set(Some((id, name)));
                // The invitation is read: the address becomes the start, so a reload does not
                // join again and Back does not return to it.
                self.nav.replace(&Route::Start);
                self.step.set(0);
                (Opened::Landing, Phase::Answering)
            }
            Route::BadJoin => (Opened::Bad(BadLink::BadJoin), Phase::Away),
            other => (Opened::Elsewhere(other), Phase::Away),
        };
        let phase = if matches!(opened, Opened::Bad(_)) {
            Phase::Away
        } else {
            phase
        };
        self.phase.set(phase);
        opened
    }

    fn open_results(&self, id: &str) -> Opened {
        if self.identity.with_untracked(|i| i.id != id) {
            let saved = self.store.find(id).or_else(|| {
                self.store
                    .draft()
                    .get_untracked()
                    .map(|d| d.snapshot)
                    .filter(|s| s.id == id)
            });
            match saved {
                Some(s) => self.load(s),
                None => return Opened::Bad(BadLink::NotSaved),
            }
        }
        Opened::Results
    }

    // Saving.

    /// Saves the ground state as it changes (the questionnaire keeps a draft to resume; a
    /// finished assessment is kept in the history), and follows another tab that moved the same
    /// unfinished assessment on. Called once, by the app.
    pub fn keep_saved(&self) {
        let this = *self;
        let offer_resume = self.offer_resume;
        Effect::new(move |_| {
            let snapshot = Snapshot::new(
                this.identity.with(|i| i.id.clone()),
                // As typed, the label may still hold stray spaces or controls: keep it clean.
                report::clean_label(&this.label.get()),
                this.answers.get(),
                this.identity.with(|i| i.created),
                storage::now(),
            );
            let step = this.step.get();
            match this.phase.get() {
                // Never while the landing view offers to resume another: that draft is kept.
                Phase::Answering
                    if snapshot.answers.iter().any(|a| a.is_given()) && !offer_resume.get() =>
                {
                    // A saved assessment opened again (Back from its results, or Change) is
                    // not an unfinished one: only answers that differ from it are kept as the
                    // draft, until its results save them as a new version (issue 26).
                    let as_saved = this.saved.with_untracked(|s| {
                        s.as_ref().is_some_and(|s| {
                            s.answers == snapshot.answers && s.label == snapshot.label
                        })
                    });
                    if !as_saved {
                        this.store.save_draft(Draft { snapshot, step });
                    } else if this.store.draft().with_untracked(|d| {
                        d.as_ref().is_some_and(|d| d.snapshot.id == snapshot.id)
                    }) {
                        this.store.clear_draft();
                    }
                }
                Phase::Finished => this.store.finish(snapshot),
                _ => {}
            }
        });
        // The unfinished assessment moved on elsewhere (another tab, or a newer copy found when
        // saving): its answers are shown here too.
        Effect::new(move |_| {
            if let Some(draft) = this.store.draft().get()
                && this.phase.get_untracked() == Phase::Answering
                && this.identity.with_untracked(|i| i.id == draft.snapshot.id)
                && this
                    .answers
                    .with_untracked(|a| a != &draft.snapshot.answers)
            {
                this.answers.set(draft.snapshot.answers);
                this.label.set(draft.snapshot.label);
            }
        });
    }
}
