//! Workshops: a facilitator gathers a room's share links and sees where people disagree.
//!
//! A participant's result is their share-link payload, so a workshop stores only ground state
//! (the payloads) and recomputes everything. Links are found in any pasted text (a whole chat
//! transcript works); what cannot be used is counted and reported, never fatal.

use std::collections::{HashMap, HashSet};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use super::answers::{Answer, Answers};
use super::bank::{Bank, Part, Question};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

use super::link::{self, Shared};
use super::scoring::{Assessment, Finding, assess};
use super::snapshot::{SnapshotError, json, parse, schema, version_of, whole_millis};
use super::stage::Stage;

/// The fragment key of a join link: `#join=ID.NAME`.
pub const JOIN_KEY: &str = "join=";
/// The marker after a result payload that names the workshop it was sent to: `#r=…&w=ID`.
pub const WORKSHOP_MARK: &str = "&w=";

const FORMAT: &str = "stagefit-workshops";
const FORMAT_VERSION: u32 = 1;

/// One workshop and the results gathered so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Workshop {
    pub id: String,
    pub name: String,
    pub note: String,
    pub created: f64,
    /// Each participant's share-link payload, in the order they were added.
    pub payloads: Vec<String>,
    /// The answers the room agreed on in the presentation (issue 28): question id to option
    /// index. Stored as the `agreed` field of format 1, left out while empty.
    pub agreed: Agreed,
    /// Fields of the stored workshop this build does not know (a newer build added them):
    /// written back as they were read, after the known ones (issue 30). A new workshop has none.
    pub unknown: UnknownFields,
}

/// Fields of a stored workshop this build does not know, as read. The app never looks inside;
/// it keeps them with the workshop, so saving, exporting and importing it loses none.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnknownFields(Map<String, Value>);

/// A workshop id safe in a URL fragment: letters, digits, `-` and `_`, at most 32.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// What a join link percent-encodes in a name: everything but RFC 3986's unreserved characters
/// (letters, digits, `-`, `_`, `.`, `~`), so any name survives chat apps.
const NAME_ESCAPED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn encode_name(name: &str) -> String {
    utf8_percent_encode(name, NAME_ESCAPED).to_string()
}

/// The name in a join link, or `None` when it is damaged: a `%` not followed by two hex digits
/// (the crate would keep such text as it is) or bytes that are not UTF-8.
fn decode_name(text: &str) -> Option<String> {
    let escapes_whole = text
        .split('%')
        .skip(1)
        .all(|after| after.len() >= 2 && after.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit));
    if !escapes_whole {
        return None;
    }
    percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(|name| name.into_owned())
}

/// The fragment of a workshop's join link (without `#`), from its id and name.
pub fn join_fragment(id: &str, name: &str) -> String {
    format!("{JOIN_KEY}{id}.{}", encode_name(name))
}

/// The workshop id and name in a join fragment, if it is one and is well formed.
pub fn parse_join(fragment: &str) -> Option<(String, String)> {
    let rest = fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(JOIN_KEY)?;
    let (id, name) = rest.split_once('.')?;
    let name = super::report::clean_label(&decode_name(name)?);
    (valid_id(id) && !name.is_empty()).then(|| (id.to_string(), name))
}

/// Whether a fragment is meant as a join link, well formed or not (so a damaged invitation can
/// be reported rather than ignored).
pub fn looks_like_join(fragment: &str) -> bool {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .starts_with(JOIN_KEY)
}

/// What adding pasted text did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GatherReport {
    pub added: usize,
    pub duplicates: usize,
    /// Links that are damaged or are no result at all.
    pub unreadable: usize,
    /// Results made by a newer version of Stagefit (a newer link format or question bank):
    /// whole, but this build cannot read them until the page is reloaded onto that version.
    pub newer: usize,
    /// Results sent to another workshop: not added.
    pub other_workshop: usize,
    /// Other web addresses in the text, which hold no result.
    pub other_links: usize,
}

impl GatherReport {
    /// Whether the text held no Stagefit result link at all (other web addresses aside). The
    /// app words the report; the core only counts.
    pub fn found_nothing(&self) -> bool {
        *self
            == GatherReport {
                other_links: self.other_links,
                ..GatherReport::default()
            }
    }
}

/// Finds every result link in `text` and adds the readable ones that belong here.
pub fn gather(bank: &Bank, workshop: &mut Workshop, text: &str) -> GatherReport {
    let mut report = GatherReport::default();
    // A set, so that a paste into a room of thousands does not compare every new link with
    // every one already there (issue 18).
    // Compared in their canonical spelling (issue 30): one result whose last character's
    // ignored bits are spelled three ways is one participant, kept in the one spelling.
    let mut known: HashSet<String> = workshop.payloads.iter().map(|p| canonical(p)).collect();
    let mut rest = text;
    while let Some(at) = rest.find("#r=") {
        let after = &rest[at + 3..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(after.len());
        let payload = &after[..end];
        let mut tail = &after[end..];
        let mut workshop_id = None;
        if let Some(id_part) = tail.strip_prefix(WORKSHOP_MARK) {
            let id_end = id_part
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(id_part.len());
            workshop_id = Some(&id_part[..id_end]);
            tail = &id_part[id_end..];
        }
        rest = tail;
        if payload.is_empty() {
            continue;
        }
        if workshop_id.is_some_and(|id| id != workshop.id) {
            report.other_workshop += 1;
        } else if let Err(error) = link::decode(bank, payload) {
            if error == link::LinkError::Newer {
                report.newer += 1;
            } else {
                report.unreadable += 1;
            }
        } else if !known.insert(canonical(payload)) {
            report.duplicates += 1;
        } else {
            workshop.payloads.push(canonical(payload));
            report.added += 1;
        }
    }
    // Web addresses that are not result links.
    let mut scan = text;
    while let Some(at) = scan.find("http") {
        let url = &scan[at..];
        let end = url.find(char::is_whitespace).unwrap_or(url.len());
        if (url.starts_with("http://") || url.starts_with("https://"))
            && !url[..end].contains("#r=")
        {
            report.other_links += 1;
        }
        scan = &url[end.max(4)..];
    }
    report
}

/// A payload in its one spelling (`link::canonical`), or as it is when it is no base64 at all.
fn canonical(payload: &str) -> String {
    link::canonical(payload).unwrap_or_else(|| payload.to_string())
}

/// Payloads with each link once: a later spelling of a link already listed (the same bytes, the
/// leftover bits of its last character spelled otherwise) is left out, the first kept as it is.
fn each_link_once(payloads: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    payloads
        .into_iter()
        .filter(|p| seen.insert(canonical(p)))
        .collect()
}

/// One participant, decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    pub payload: String,
    pub shared: Shared,
    pub assessment: Assessment,
    /// Answers the link held that this bank no longer asks with the same meaning (a link made
    /// with an older bank version): dropped, and counted so the facilitator can be told.
    pub dropped: usize,
}

/// Decodes a workshop's participants (payloads that no longer decode are left out).
pub fn participants(bank: &Bank, workshop: &Workshop) -> Vec<Participant> {
    participants_reusing(bank, workshop, &[])
}

/// One participant from their payload, or `None` when it does not open.
pub fn participant(bank: &Bank, payload: &str) -> Option<Participant> {
    let (shared, notes) = link::decode(bank, payload).ok()?;
    let assessment = assess(bank, &shared.answers);
    Some(Participant {
        payload: payload.to_string(),
        shared,
        assessment,
        dropped: notes.dropped,
    })
}

/// A workshop's participants, taking those already decoded and assessed from `previous` (by
/// payload) and decoding only the new ones: removing one person from a room of 2,000, or adding
/// a few, does not assess the whole room again (issue 18). The result is exactly what
/// `participants` returns.
pub fn participants_reusing(
    bank: &Bank,
    workshop: &Workshop,
    previous: &[Participant],
) -> Vec<Participant> {
    let known: HashMap<&str, &Participant> =
        previous.iter().map(|p| (p.payload.as_str(), p)).collect();
    workshop
        .payloads
        .iter()
        .filter_map(|p| match known.get(p.as_str()) {
            Some(done) => Some((*done).clone()),
            None => participant(bank, p),
        })
        .collect()
}

/// `read` put in the workshop's order and limited to its payloads, moving rather than copying
/// them (a room of 2,000 copied is a pause the facilitator sees): what `participants` returns
/// when `read` holds every payload that opens.
pub fn in_workshop_order(workshop: &Workshop, read: Vec<Participant>) -> Vec<Participant> {
    let mut by_payload: HashMap<String, Participant> =
        read.into_iter().map(|p| (p.payload.clone(), p)).collect();
    workshop
        .payloads
        .iter()
        .filter_map(|p| by_payload.remove(p))
        .collect()
}

/// The participants of a workshop found among `known` (by payload), in the workshop's order,
/// without decoding anything: what can be shown at once while the rest is read.
pub fn participants_known(workshop: &Workshop, known: &[Participant]) -> Vec<Participant> {
    let known: HashMap<&str, &Participant> =
        known.iter().map(|p| (p.payload.as_str(), p)).collect();
    workshop
        .payloads
        .iter()
        .filter_map(|p| known.get(p.as_str()).map(|&p| p.clone()))
        .collect()
}

/// The payloads of a workshop not among `known` participants, in order: what is left to decode
/// and assess (the app does it a few hundred at a time, so the page never stalls).
pub fn new_payloads<'a>(workshop: &'a Workshop, known: &[Participant]) -> Vec<&'a str> {
    let known: HashSet<&str> = known.iter().map(|p| p.payload.as_str()).collect();
    workshop
        .payloads
        .iter()
        .map(String::as_str)
        .filter(|p| !known.contains(p))
        .collect()
}

/// Removes these payloads from the workshop: each removed one with the place it had, to put it
/// back with `restore_payloads` (issue 28's Undo).
pub fn remove_payloads(workshop: &mut Workshop, gone: &[String]) -> Vec<(usize, String)> {
    let gone: HashSet<&str> = gone.iter().map(String::as_str).collect();
    let mut removed = Vec::new();
    let mut kept = Vec::with_capacity(workshop.payloads.len());
    for (at, payload) in std::mem::take(&mut workshop.payloads)
        .into_iter()
        .enumerate()
    {
        if gone.contains(payload.as_str()) {
            removed.push((at, payload));
        } else {
            kept.push(payload);
        }
    }
    workshop.payloads = kept;
    removed
}

/// Puts removed payloads back where they were (as far as the list still reaches), skipping any
/// already there again (added anew in the meantime).
pub fn restore_payloads(workshop: &mut Workshop, removed: &[(usize, String)]) {
    let mut known: HashSet<String> = workshop.payloads.iter().map(|p| canonical(p)).collect();
    for (at, payload) in removed {
        if known.insert(canonical(payload)) {
            let at = (*at).min(workshop.payloads.len());
            workshop.payloads.insert(at, payload.clone());
        }
    }
}

/// How many participants a workshop has: the stored links that open. The list of workshops and
/// the workshop's own view both count this way, so they agree (issue 18).
pub fn participant_count(bank: &Bank, workshop: &Workshop) -> usize {
    workshop
        .payloads
        .iter()
        .filter(|p| link::decode(bank, p).is_ok())
        .count()
}

/// How one dimension's levels spread across the room.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    pub dimension: usize,
    /// Every known level, sorted.
    pub levels: Vec<f32>,
    pub median: Option<f32>,
    /// Standard deviation of the levels: the disagreement measure.
    pub deviation: f32,
    /// How many saw it as ahead, behind, fitting, or could not say.
    pub over: usize,
    pub under: usize,
    pub fit: usize,
    pub unknown: usize,
}

/// A question where the room answered very differently: a prompt for discussion.
#[derive(Clone, Debug, PartialEq)]
pub struct Divergence {
    pub question: usize,
    /// Participants per option, in option order.
    pub counts: Vec<usize>,
    pub deviation: f32,
}

/// The whole room at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct Aggregate {
    pub n_participants: usize,
    /// Participants per stage their answers point to (inferred, overrides ignored): early,
    /// growth, mature.
    pub stages: [usize; 3],
    pub spreads: Vec<Spread>,
    /// Dimension indices, most disagreement first.
    pub by_disagreement: Vec<usize>,
    /// The median answer to every question (the most common one for work under way).
    pub answers: Answers,
    /// `answers`, assessed: the group's result.
    pub median: Assessment,
    /// Up to five questions with the widest spread of answers.
    pub divergent: Vec<Divergence>,
    /// Answers dropped from links made with an older bank version, over all participants.
    pub dropped: usize,
}

/// The most common value of a sorted list (the lowest on ties).
fn most_common(sorted: &[u8]) -> Option<u8> {
    let mut best: Option<(u8, usize)> = None;
    for run in sorted.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    best.map(|(value, _)| value)
}

/// The room's answer to one question from the answers given (options only, each one the
/// question accepts): the median option (lower middle on ties); for work under way, which has
/// no order to take a middle of (a portal is not "between" a deploy tool and an orchestrator),
/// the most common option; for a question with several answers at once, every option at least
/// half the room picked, most picked first, up to what the question accepts, else the most
/// common one (issue 29). No answer when nobody picked an option.
fn room_answer(question: &Question, given: &[Answer]) -> Answer {
    let mut chosen: Vec<u8> = given
        .iter()
        .flat_map(|a| a.picked())
        .map(|c| c as u8)
        .collect();
    chosen.sort();
    let categorical = question.part == Part::Platform && question.dimension.is_none();
    let single = if categorical || question.several() {
        most_common(&chosen)
    } else {
        chosen.get(chosen.len().saturating_sub(1) / 2).copied()
    };
    let Some(single) = single else {
        return Answer::Unanswered;
    };
    if !question.several() {
        return Answer::Chosen(single);
    }
    let count = |c: usize| chosen.iter().filter(|&&x| usize::from(x) == c).count();
    let mut by_count: Vec<usize> = (0..question.options.len())
        .filter(|&c| 2 * count(c) >= given.len())
        .collect();
    by_count.sort_by_key(|&c| std::cmp::Reverse(count(c)));
    let mut room = Answer::Chosen(single);
    for c in by_count {
        if let Some(more) = room
            .toggled(question, c)
            .filter(|m| m.mask() & room.mask() == room.mask())
        {
            room = more;
        }
    }
    room
}

fn median(sorted: &[f32]) -> Option<f32> {
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[n / 2]),
        n => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

fn deviation(values: &[f32]) -> f32 {
    if values.len() < 2 {
        return 0.0;
    }
    let mean = values.iter().sum::<f32>() / values.len() as f32;
    (values.iter().map(|v| (v - mean).powi(2)).sum::<f32>() / values.len() as f32).sqrt()
}

/// Aggregates the participants of a workshop.
pub fn aggregate(bank: &Bank, people: &[Participant]) -> Aggregate {
    let mut stages = [0; 3];
    // The stage each person's answers point to, not a stage they chose by hand.
    for p in people {
        stages[p.assessment.stage.inferred.index()] += 1;
    }
    let spreads: Vec<Spread> = (0..bank.dimensions.len())
        .map(|d| {
            let mut levels: Vec<f32> = people
                .iter()
                .filter_map(|p| p.assessment.dimensions[d].level)
                .collect();
            levels.sort_by(f32::total_cmp);
            let count = |f: Finding| {
                people
                    .iter()
                    .filter(|p| p.assessment.dimensions[d].finding == f)
                    .count()
            };
            Spread {
                dimension: d,
                median: median(&levels),
                deviation: deviation(&levels),
                levels,
                over: count(Finding::Over),
                under: count(Finding::Under),
                fit: count(Finding::Fit),
                unknown: count(Finding::Unknown),
            }
        })
        .collect();
    let mut by_disagreement: Vec<usize> = (0..spreads.len()).collect();
    by_disagreement.sort_by(|&a, &b| {
        spreads[b]
            .deviation
            .total_cmp(&spreads[a].deviation)
            .then(a.cmp(&b))
    });

    // The group's answers: per question, the median chosen option (lower middle on ties),
    // "Don't know" where nobody knew; stage overrides are left out, the room's stage is inferred.
    let mut answers = Answers::new(bank);
    let mut divergent = Vec::new();
    for (q, question) in bank.questions.iter().enumerate() {
        let given: Vec<Answer> = people
            .iter()
            .map(|p| p.shared.answers.get(q))
            .filter(|a| a.picked().next().is_some() && a.fits(question))
            .collect();
        match room_answer(question, &given) {
            Answer::Unanswered if !people.is_empty() => answers.set(q, Answer::Unknown),
            room => answers.set(q, room),
        }
        if question.part != Part::Strategy && given.len() >= 2 {
            // A person who picked several options counts once for each, and stands at the mean
            // of their values.
            let values: Vec<f32> = given
                .iter()
                .filter_map(|a| {
                    let picked: Vec<f32> = a
                        .picked()
                        .map(|c| f32::from(question.options[c].value))
                        .collect();
                    (!picked.is_empty()).then(|| picked.iter().sum::<f32>() / picked.len() as f32)
                })
                .collect();
            let mut counts = vec![0; question.options.len()];
            for c in given.iter().flat_map(|a| a.picked()) {
                counts[c] += 1;
            }
            divergent.push(Divergence {
                question: q,
                counts,
                deviation: deviation(&values),
            });
        }
    }
    divergent.sort_by(|a, b| {
        b.deviation
            .total_cmp(&a.deviation)
            .then(a.question.cmp(&b.question))
    });
    divergent.retain(|d| d.deviation > 0.0);
    divergent.truncate(5);
    Aggregate {
        n_participants: people.len(),
        stages,
        median: assess(bank, &answers),
        answers,
        spreads,
        by_disagreement,
        divergent,
        dropped: people.iter().map(|p| p.dropped).sum(),
    }
}

/// Where a level sits against a band.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Position {
    Behind,
    Within,
    Ahead,
}

impl Position {
    /// A level against a band, low and high included.
    pub fn of(level: f32, band: super::bank::Band) -> Position {
        if level < f32::from(band.low) {
            Position::Behind
        } else if level > f32::from(band.high) {
            Position::Ahead
        } else {
            Position::Within
        }
    }

    /// "behind", "within" or "ahead": for class names, not for people to read (the app words
    /// them in the language in use).
    pub fn id(self) -> &'static str {
        match self {
            Position::Behind => "behind",
            Position::Within => "within",
            Position::Ahead => "ahead",
        }
    }
}

/// The stage at an index of `Aggregate::stages`.
pub fn stage_at(index: usize) -> Stage {
    Stage::ALL[index.min(2)]
}

/// The saved workshops, format 1. Each workshop is read on its own, so that entries without a
/// valid id can be passed over before the shape of the rest is judged.
#[derive(Serialize, Deserialize)]
struct WorkshopsV1 {
    format: String,
    version: Number,
    workshops: Vec<Value>,
}

/// One saved workshop, format 1.
#[derive(Serialize, Deserialize)]
struct WorkshopV1 {
    id: String,
    name: String,
    note: Option<String>,
    /// `None` (null) only for a time that is not a whole number of milliseconds below 2^53.
    created: Option<Number>,
    payloads: Vec<String>,
}

/// `WorkshopV1`'s fields: any other field of a stored workshop is a newer build's, kept as it is
/// and written back after these (by hand rather than with serde's `flatten`, which weighs some
/// kilobytes of wasm for this one struct).
const WORKSHOP_FIELDS: [&str; 5] = ["id", "name", "note", "created", "payloads"];

/// The field of a stored workshop holding the room's agreed answers (issue 28): an object of
/// question ids to option indices, written only when there are some, so a workshop without them
/// is stored exactly as before. An older build keeps it as a field it does not know.
const AGREED_FIELD: &str = "agreed";

/// The saved workshops as JSON (storage and export).
pub fn encode_workshops(list: &[Workshop]) -> String {
    let workshops = list
        .iter()
        .map(|w| {
            let mut value = json(&WorkshopV1 {
                id: w.id.clone(),
                name: w.name.clone(),
                note: Some(w.note.clone()),
                created: whole_millis(w.created),
                payloads: w.payloads.clone(),
            });
            if let Value::Object(fields) = &mut value {
                if !w.agreed.is_empty() {
                    fields.insert(AGREED_FIELD.to_string(), json(&w.agreed));
                }
                for (name, field) in &w.unknown.0 {
                    fields.entry(name.clone()).or_insert_with(|| field.clone());
                }
            }
            value
        })
        .collect();
    let v1 = WorkshopsV1 {
        format: FORMAT.to_string(),
        version: FORMAT_VERSION.into(),
        workshops,
    };
    json(&v1).to_string()
}

/// One saved workshop, or `None` if any required part is missing or of the wrong kind. The
/// caller has already kept only entries with a valid id.
fn workshop_from(value: &Value) -> Option<Workshop> {
    let v1: WorkshopV1 = schema(value).ok()?;
    // The room's agreed answers (issue 28), when they have the shape this build writes; in any
    // other shape (a newer build's) the field is kept as it is, like any field not known here.
    let agreed: Option<Agreed> = value.get(AGREED_FIELD).and_then(|field| schema(field).ok());
    let unknown = value
        .as_object()?
        .iter()
        .filter(|(name, _)| !WORKSHOP_FIELDS.contains(&name.as_str()))
        .filter(|(name, _)| agreed.is_none() || name.as_str() != AGREED_FIELD)
        .map(|(name, field)| (name.clone(), field.clone()))
        .collect();
    Some(Workshop {
        id: v1.id,
        name: super::report::clean_label(&v1.name),
        note: super::report::clean_label(v1.note.as_deref().unwrap_or_default()),
        created: v1.created?.as_f64()?,
        // Stored by a build that compared spellings as they were (issue 30): each link once.
        payloads: each_link_once(v1.payloads),
        agreed: agreed.unwrap_or_default(),
        unknown: UnknownFields(unknown),
    })
}

/// Reads saved workshops.
pub fn decode_workshops(text: &str) -> Result<Vec<Workshop>, SnapshotError> {
    let value = parse(text)?;
    version_of(&value, FORMAT)?;
    let v1: WorkshopsV1 = schema(&value)?;
    v1.workshops
        .iter()
        .filter(|w| w.get("id").and_then(Value::as_str).is_some_and(valid_id))
        .map(|w| workshop_from(w).ok_or(SnapshotError::WrongShape))
        .collect()
}

/// Whether `text` says it is of the workshops format (any version): a workshop's export, which
/// History sends where it belongs (issue 30). Only the `format` field is looked at.
pub fn is_workshops_file(text: &str) -> bool {
    parse(text).is_ok_and(|value| {
        value.is_object() && value.get("format").and_then(Value::as_str) == Some(FORMAT)
    })
}

/// Reads saved workshops, listing what cannot be read instead of failing or hiding it (issue 18):
/// the workshops this build reads, and every other entry as its stored JSON text, to be shown as
/// unreadable and written back unchanged by `encode_workshops_keeping`.
pub fn decode_workshops_keeping(text: &str) -> Result<(Vec<Workshop>, Vec<String>), SnapshotError> {
    let value = parse(text)?;
    version_of(&value, FORMAT)?;
    let v1: WorkshopsV1 = schema(&value)?;
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for entry in &v1.workshops {
        match entry
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| valid_id(id))
            .and_then(|_| workshop_from(entry))
        {
            Some(w) => read.push(w),
            None => unreadable.push(entry.to_string()),
        }
    }
    Ok((read, unreadable))
}

/// Saved workshops as JSON, followed by the entries `decode_workshops_keeping` could not read,
/// unchanged.
pub fn encode_workshops_keeping(list: &[Workshop], unreadable: &[String]) -> String {
    let mut value: Value = parse(&encode_workshops(list)).unwrap_or_default();
    if let Some(Value::Array(workshops)) = value.get_mut("workshops") {
        workshops.extend(unreadable.iter().filter_map(|text| parse(text).ok()));
    }
    value.to_string()
}

/// What importing a workshops file did (a workshop's own export, or any file of the workshops
/// format): counts, which the app words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkshopImport {
    /// Workshops this browser did not have: added as they were exported.
    pub added: usize,
    /// Workshops already here (the same id) that the file held new results for.
    pub updated: usize,
    /// Results added to those.
    pub results_added: usize,
    /// Workshops already here with every result the file held: nothing to do.
    pub unchanged: usize,
    /// Entries of the file this build cannot read (damaged, or a newer build's): kept as
    /// written among the unreadable workshops, to download or remove, and written back.
    pub unreadable: usize,
}

/// Imports the workshops of a file into `list` (the stored ones) and `kept` (the stored entries
/// this build cannot read), as the file was read by `decode_workshops_keeping` (issue 30: a
/// workshop's own export could not be imported back anywhere). A workshop is its id, which its
/// join link and the results sent to it carry: one this browser does not have is added, in the
/// file's order, before the others; one it has keeps its name and note and gains the results it
/// lacks (compared in their canonical spelling), in the file's order after its own. An entry
/// this build cannot read is kept once, as written.
pub fn import_workshops(
    list: &mut Vec<Workshop>,
    kept: &mut Vec<String>,
    file: Vec<Workshop>,
    file_unreadable: Vec<String>,
) -> WorkshopImport {
    let mut report = WorkshopImport::default();
    let mut new = Vec::new();
    for incoming in file {
        let here = list
            .iter_mut()
            .chain(new.iter_mut())
            .find(|w: &&mut Workshop| w.id == incoming.id);
        let Some(here) = here else {
            new.push(incoming);
            report.added += 1;
            continue;
        };
        let mut known: HashSet<String> = here.payloads.iter().map(|p| canonical(p)).collect();
        let before = here.payloads.len();
        for payload in incoming.payloads {
            if known.insert(canonical(&payload)) {
                here.payloads.push(payload);
            }
        }
        let gained = here.payloads.len() - before;
        if gained > 0 {
            report.updated += 1;
            report.results_added += gained;
        } else {
            report.unchanged += 1;
        }
    }
    list.splice(0..0, new);
    for text in file_unreadable {
        if !kept.contains(&text) {
            kept.push(text);
        }
        report.unreadable += 1;
    }
    report
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

mod decision;
pub use decision::*;
