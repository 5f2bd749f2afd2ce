//! The what-if planner on a person's own result (issue 26): "Plan" opens it; each area can be
//! moved to another level and each strategy question answered otherwise, and the projected
//! score, findings and priorities follow at once, while the saved answers stay as they are. It
//! suggests the moves that raise the fit most and shows what going past a band would cost;
//! plans are saved with the assessment (named, several), printed with the page and copied in
//! the Markdown summary. A plan made on an earlier version shows which of its moves were made.
//! Every number comes from `stagefit_core::plan`; this view only words and draws it.

use leptos::prelude::*;

use crate::i18n::use_i18n;
use crate::platform;
use crate::ui::state::{Session, Whose};
use crate::ui::text::bank as bt;
use crate::ui::text::{results as rt, s};
use stagefit_core::report::{LABEL_MAX, PlanWords};
use stagefit_core::snapshot::{SavedPlan, version_change};
use stagefit_core::{Answer, Assessment, BANK, Move, Part, Plan, plan};

/// The planner's heading: focus goes there when it opens.
const HEADING: &str = "planner-heading";

#[component]
pub fn Planner() -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let toggle = move |_| {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening {
            platform::focus_after_render(HEADING);
        }
    };
    view! {
        <div class="planner-toggle no-print">
            <button type="button" class="secondary" aria-expanded=move || open.get().to_string() aria-controls="planner" on:click=toggle>
                {crate::tv!(i18n, results.plan.button)}
            </button>
        </div>
        {move || open.get().then(|| view! { <PlannerBody open /> })}
    }
}

/// The plan being worked on, which saved plan it came from (saving replaces that one), and
/// what the last "Save plan" did: the planner's own page state, shared by its parts.
#[derive(Clone, Copy)]
struct Working {
    plan: RwSignal<Plan>,
    from_saved: RwSignal<Option<String>>,
    status: RwSignal<Option<bool>>,
}

impl Working {
    /// The level an area is planned at, if it is moved.
    fn planned(&self, d: usize) -> Option<u8> {
        self.plan.with(|p| {
            p.normalised(&BANK)
                .moves
                .iter()
                .find(|m| m.dimension == d)
                .map(|m| m.level)
        })
    }

    /// Moves area `d` to `level` (`None`: back to as answered).
    fn set_area(&self, d: usize, level: Option<u8>) {
        self.plan.update(|p| {
            p.moves.retain(|m| m.dimension != d);
            if let Some(level) = level {
                p.moves.push(Move {
                    dimension: d,
                    level,
                });
            }
        });
        self.status.set(None);
    }

    /// Answers strategy question `q` otherwise (`None`: as answered).
    fn set_strategy(&self, q: usize, answer: Option<Answer>) {
        self.plan.update(|p| {
            p.strategy.retain(|(x, _)| *x != q);
            if let Some(answer) = answer {
                p.strategy.push((q, answer));
            }
        });
        self.status.set(None);
    }

    /// Starts again from an empty plan, or from a saved one (`id`).
    fn load(&self, plan: Plan, id: Option<String>) {
        self.plan.set(plan);
        self.from_saved.set(id);
        self.status.set(None);
    }
}

#[component]
fn PlannerBody(open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let answers = session.answers(Whose::Own);
    let work = Working {
        plan: RwSignal::new(Plan::default()),
        from_saved: RwSignal::new(None),
        status: RwSignal::new(None),
    };
    let projected =
        Memo::new(move |_| answers.with(|a| work.plan.with(|p| plan::project(&BANK, a, p))));
    view! {
        <section id="planner" class="planner" aria-labelledby=HEADING>
            <h2 id=HEADING tabindex="-1">{crate::tv!(i18n, results.plan.heading)}</h2>
            <p>{crate::tv!(i18n, results.plan.intro)}</p>
            <Projection projected />
            <Suggestions work />
            <div class="plan-grid">
                <fieldset class="plan-areas">
                    <legend>{crate::tv!(i18n, results.plan.areas_heading)}</legend>
                    {(0..BANK.dimensions.len()).map(|d| view! { <AreaControl dimension=d projected work /> }).collect_view()}
                </fieldset>
                <fieldset class="plan-strategy">
                    <legend>{crate::tv!(i18n, results.plan.strategy_heading)}</legend>
                    {BANK.questions.iter().enumerate().filter(|(_, q)| q.part == Part::Strategy).map(|(q, _)| view! { <StrategyControl question=q work /> }).collect_view()}
                </fieldset>
            </div>
            <PlanSteps work projected />
            <PlanSave work open />
            <SavedPlans work />
        </section>
    }
}

/// The projected score, beside the current one and the signed change.
#[component]
fn Projection(projected: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    let now = expect_context::<Session>().assessment(Whose::Own);
    let change = move || now.with(|n| projected.with(|p| version_change(n, p).points()));
    view! {
        <div class="projected" role="status">
            <span>{crate::tv!(i18n, results.plan.projected)} " "</span>
            <strong class="projected-score" data-testid="projected-score">{move || projected.with(|p| p.score.map(|s| s.to_string()).unwrap_or_else(|| "\u{2013}".to_string()))}</strong>
            " "
            <span>{move || {
                let locale = i18n.get_locale();
                let now = now.with(|n| rt::score_text(locale, n.score));
                s!(locale, results.plan.versus_now, now = now, change = change().map(rt::signed).unwrap_or_default())
            }}</span>
        </div>
    }
}

/// The moves that raise the fit most, each one action from the plan, and what going past a
/// band would cost.
#[component]
fn Suggestions(work: Working) -> impl IntoView {
    let i18n = use_i18n();
    let answers = expect_context::<Session>().answers(Whose::Own);
    let suggestions =
        Memo::new(move |_| answers.with(|a| work.plan.with(|p| plan::suggest(&BANK, a, p, 3))));
    // For the area of the best suggestion, or else the first area, where going one level past
    // the band really lowers the score against the plan: an area far behind can still gain
    // from a level past its band, and that is no cost to show.
    let past = Memo::new(move |_| {
        answers.with(|a| {
            work.plan.with(|p| {
                let first = suggestions.with(|s| s.first().map(|s| s.mv.dimension));
                first
                    .into_iter()
                    .chain(0..BANK.dimensions.len())
                    .filter_map(|d| plan::past_band(&BANK, a, p, d))
                    .find(|s| s.change < 0)
            })
        })
    });
    view! {
        <h3>{crate::tv!(i18n, results.plan.suggestions_heading)}</h3>
        {move || {
            let list = suggestions.get();
            if list.is_empty() {
                return view! { <p>{crate::tv!(i18n, results.plan.no_suggestions)}</p> }.into_any();
            }
            view! {
                <ul class="plan-suggestions">
                    {list.into_iter().map(|sg| {
                        let locale = i18n.get_locale_untracked();
                        let text = s!(locale, results.plan.suggestion,
                            area = bt::dimension_name(i18n, sg.mv.dimension),
                            level = sg.mv.level,
                            score = rt::score_text(locale, sg.score),
                            change = rt::signed(sg.change));
                        view! {
                            <li>
                                <span>{text}</span> " "
                                <button type="button" class="secondary small" on:click=move |_| work.set_area(sg.mv.dimension, Some(sg.mv.level))>
                                    {crate::tv!(i18n, results.plan.add)}
                                    <span class="visually-hidden">" " {bt::dimension_name(i18n, sg.mv.dimension)}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {move || past.get().map(|p| {
            let locale = i18n.get_locale();
            view! {
                <p class="plan-past-band">
                    {s!(locale, results.plan.past_band,
                        area = bt::dimension_name(i18n, p.mv.dimension),
                        level = p.mv.level,
                        score = rt::score_text(locale, p.score),
                        change = rt::signed(p.change))}
                </p>
            }
        })}
    }
}

/// The plan in order, with the score after each move, and the priorities it would leave.
#[component]
fn PlanSteps(work: Working, projected: Memo<Assessment>) -> impl IntoView {
    let i18n = use_i18n();
    let answers = expect_context::<Session>().answers(Whose::Own);
    let steps = Memo::new(move |_| {
        answers.with(|a| {
            work.plan
                .with(|p| plan::steps(&BANK, a, &p.normalised(&BANK)))
        })
    });
    let md = move || rt::PlanMd(i18n.get_locale());
    view! {
        <h3>{crate::tv!(i18n, results.plan.steps_heading)}</h3>
        {move || {
            let list = steps.get();
            if list.is_empty() {
                return view! { <p>{move || md().no_moves()}</p> }.into_any();
            }
            view! {
                <ol class="plan-steps">
                    {list.into_iter().map(|st| {
                        let line = move || {
                            let words = md();
                            let area = bt::dimension_name(i18n, st.mv.dimension);
                            let (to, score) = (st.mv.level.to_string(), words.score(st.score));
                            match st.from {
                                Some(from) => words.step(&area, &words.level(from), &to, &score),
                                None => words.step_unscored(&area, &to, &score),
                            }
                        };
                        view! { <li>{line}</li> }
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        <h3>{crate::tv!(i18n, results.plan.priorities_heading)}</h3>
        <ul class="plan-priorities">
            {move || projected.with(|p| p.priorities.iter().map(|pr| {
                let locale = i18n.get_locale();
                let text = s!(locale, results.labelled, label = rt::kind(locale, pr.kind)) + &bt::dimension_name(i18n, pr.dimension);
                view! { <li>{text}</li> }
            }).collect_view())}
        </ul>
    }
}

/// The plan's name, Save, Clear, Print and Close, and what saving did.
#[component]
fn PlanSave(work: Working, open: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let save = move |_| {
        let plan = work.plan.get_untracked();
        let id = session.save_plan(&plan, work.from_saved.get_untracked());
        work.status.set(Some(id.is_some()));
        if id.is_some() {
            work.from_saved.set(id);
        }
    };
    view! {
        <div class="plan-save no-print">
            <label for="plan-name">{crate::tv!(i18n, results.plan.name_label)}</label>
            <input
                id="plan-name"
                type="text"
                maxlength=LABEL_MAX
                placeholder=move || s!(i18n.get_locale(), results.plan.name_placeholder)
                prop:value=move || work.plan.with(|p| p.name.clone())
                on:input=move |ev| work.plan.update(|p| p.name = event_target_value(&ev))
            />
            <div class="actions">
                <button type="button" class="primary" on:click=save>{crate::tv!(i18n, results.plan.save)}</button>
                <button type="button" class="secondary" on:click=move |_| work.load(Plan::default(), None)>{crate::tv!(i18n, results.plan.reset)}</button>
                <button type="button" class="secondary" on:click=move |_| platform::print()>{crate::tv!(i18n, results.plan.print)}</button>
                <button type="button" class="link-button" on:click=move |_| { open.set(false); platform::focus_after_render("results-heading"); }>{crate::tv!(i18n, results.plan.close)}</button>
            </div>
            <p role="status" class="plan-status">
                {move || work.status.get().map(|ok| if ok { s!(i18n.get_locale(), results.plan.saved) } else { s!(i18n.get_locale(), results.plan.not_saved) })}
            </p>
        </div>
    }
}

/// The plans saved with the assessment; one made on an earlier version says which of its moves
/// were made since.
#[component]
fn SavedPlans(work: Working) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let answers = session.answers(Whose::Own);
    move || {
        session.saved().with(|s| {
            s.as_ref().filter(|s| !s.plans.is_empty()).map(|s| {
                let plans = s.plans.clone();
                let number = s.number();
                let versions = s.clone();
                view! {
                    <h3>{crate::tv!(i18n, results.plan.saved_heading)}</h3>
                    <ul class="saved-plans">
                        {plans.into_iter().map(|sp| {
                            let made = (sp.version < number)
                                .then(|| versions.at_version(sp.version))
                                .flatten()
                                .map(|then| answers.with_untracked(|a| plan::made(&sp.plan(), &BANK, &then.answers, a)));
                            view! { <SavedPlanItem sp made work /> }
                        }).collect_view()}
                    </ul>
                }
            })
        })
    }
}

/// One area's control: where the plan puts it (as answered, or a level 0 to 4), named by the
/// area, with the projected finding beside it.
#[component]
fn AreaControl(dimension: usize, projected: Memo<Assessment>, work: Working) -> impl IntoView {
    let planned = move || work.planned(dimension);
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let now = session.assessment(Whose::Own);
    let id = format!("plan-area-{}", BANK.dimensions[dimension].id);
    let label_for = id.clone();
    let answered = move || now.with(|a| a.dimensions[dimension].level);
    let band = move || projected.with(|p| p.dimensions[dimension].band);
    let finding = move || projected.with(|p| p.dimensions[dimension].finding);
    view! {
        <div class="plan-area" data-dimension=BANK.dimensions[dimension].id>
            <label for=label_for>{move || bt::dimension_name(i18n, dimension)}</label>
            <select
                id=id
                on:change=move |ev| work.set_area(dimension, event_target_value(&ev).parse::<u8>().ok())
            >
                <option value="" selected=move || planned().is_none()>
                    {move || {
                        let locale = i18n.get_locale();
                        s!(locale, results.plan.as_answered, level = rt::level_text(locale, answered()))
                    }}
                </option>
                {(0..=4u8).map(|level| view! {
                    <option value=level.to_string() selected=move || planned() == Some(level)>
                        {move || {
                            let b = band();
                            if (b.low..=b.high).contains(&level) {
                                s!(i18n.get_locale(), results.plan.level_fits, n = level)
                            } else {
                                s!(i18n.get_locale(), results.plan.level, n = level)
                            }
                        }}
                    </option>
                }).collect_view()}
            </select>
            <span class="plan-finding">{move || rt::finding(i18n.get_locale(), finding())}</span>
        </div>
    }
}

/// One strategy question's control: as answered, or another of its options.
#[component]
fn StrategyControl(question: usize, work: Working) -> impl IntoView {
    let chosen = move || {
        work.plan.with(|p| {
            p.strategy
                .iter()
                .find(|(x, _)| *x == question)
                .map(|(_, a)| *a)
        })
    };
    let i18n = use_i18n();
    let id = format!("plan-q-{}", BANK.questions[question].id);
    let label_for = id.clone();
    let options = BANK.questions[question].options.len();
    view! {
        <div class="plan-question">
            <label for=label_for>{move || bt::question_text(i18n, question)}</label>
            <select
                id=id
                on:change=move |ev| {
                    let value = event_target_value(&ev).parse::<u8>().ok();
                    work.set_strategy(question, value.map(Answer::Chosen));
                }
            >
                <option value="" selected=move || chosen().is_none()>{crate::tv!(i18n, results.plan.strategy_as_answered)}</option>
                {(0..options).map(|o| view! {
                    <option value=o.to_string() selected=move || chosen() == Some(Answer::Chosen(o as u8))>
                        {move || bt::option_text(i18n, question, o)}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// A saved plan: its name, the version it was made on, how many moves; on a later version,
/// which of its moves were made; Open in the planner, and Delete.
#[component]
fn SavedPlanItem(sp: SavedPlan, made: Option<Vec<bool>>, work: Working) -> impl IntoView {
    let i18n = use_i18n();
    let session = expect_context::<Session>();
    let name = if sp.name.is_empty() {
        None
    } else {
        Some(sp.name.clone())
    };
    let (version, moves) = (sp.version, sp.moves.len());
    let row = move || {
        let locale = i18n.get_locale();
        let name = name
            .clone()
            .unwrap_or_else(|| rt::PlanMd(locale).untitled());
        s!(
            locale,
            results.plan.saved_row,
            name = name,
            version = version,
            moves = moves
        )
    };
    let made_view = made.map(|made| {
        let done = made.iter().filter(|m| **m).count();
        let total = made.len();
        let list: Vec<(usize, u8, bool)> = sp
            .moves
            .iter()
            .zip(made)
            .map(|(&(d, level), m)| (d, level, m))
            .collect();
        view! {
            <p>{move || s!(i18n.get_locale(), results.plan.made, made = done, total = total)}</p>
            <ul class="plan-made">
                {list.into_iter().map(|(d, level, m)| view! {
                    <li class:made=m>
                        {move || s!(i18n.get_locale(), results.plan.made_move,
                            area = bt::dimension_name(i18n, d),
                            level = level,
                            state = if m { s!(i18n.get_locale(), results.plan.move_made) } else { s!(i18n.get_locale(), results.plan.move_open) })}
                    </li>
                }).collect_view()}
            </ul>
        }
    });
    let (load_id, delete_id) = (sp.id.clone(), sp.id.clone());
    let plan = sp.plan();
    view! {
        <li class="saved-plan">
            <p><strong>{row}</strong></p>
            {made_view}
            <div class="actions no-print">
                <button type="button" class="secondary small" on:click=move |_| {
                    work.load(plan.clone(), Some(load_id.clone()));
                    platform::focus_after_render(HEADING);
                }>{crate::tv!(i18n, results.plan.load)}</button>
                <button type="button" class="secondary small" on:click=move |_| {
                    if session.delete_plan(&delete_id) && work.from_saved.get_untracked().as_deref() == Some(delete_id.as_str()) {
                        work.from_saved.set(None);
                    }
                    platform::focus_after_render(HEADING);
                }>{crate::tv!(i18n, results.plan.delete)}</button>
            </div>
        </li>
    }
}
