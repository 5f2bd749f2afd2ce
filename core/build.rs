//! Compiles the question bank's structure (`src/bank.toml`) into Rust statics. Its words are
//! not compiled here: they live in the app's locale files (`locales/<language>/bank.json`),
//! keyed by the ids this file keeps.
//!
//! The bank is data a reviewer can read without knowing Rust. Turning it into statics at build
//! time means the browser never ships a TOML parser, and a malformed bank fails the build with a
//! message that names the question, instead of failing in a user's browser. The deeper checks
//! (ordering, coverage, help text) live in the native tests of `src/bank.rs`.

use std::fmt::Write as _;
use std::{env, fs, path::Path};

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BankFile {
    version: u32,
    dimension: Vec<DimensionFile>,
    question: Vec<QuestionFile>,
}

const STAGES: [&str; 3] = ["early", "growth", "mature"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DimensionFile {
    id: String,
    /// Expected level range per stage, `[low, high]` on the 0 to 4 scale.
    early: [u8; 2],
    growth: [u8; 2],
    mature: [u8; 2],
    /// How much the dimension matters at each stage, 1 to 3: `[early, growth, mature]`.
    weight: [u8; 3],
    /// The stages whose advice when ahead (or behind) has its own text; the others share one.
    #[serde(default)]
    ahead_by_stage: Vec<String>,
    #[serde(default)]
    behind_by_stage: Vec<String>,
    /// The answered levels (0 to 4) whose advice when ahead (or behind) has its own text, which
    /// names only what that level says exists; it comes before a stage's text.
    #[serde(default)]
    ahead_by_level: Vec<u8>,
    #[serde(default)]
    behind_by_level: Vec<u8>,
    key_results: KeyResultsFile,
}

/// How many key results each draft goal has.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyResultsFile {
    ahead: u8,
    behind: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShiftFile {
    dimension: String,
    #[serde(default)]
    weight: i8,
    #[serde(default)]
    band: i8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: String,
    part: String,
    #[serde(default)]
    dimension: Option<String>,
    /// For a count of people whose level is their share of another question's count (the
    /// id of that question), with the share, in percent, where levels 2, 3 and 4 start
    /// (level 1 is any share above zero).
    #[serde(default)]
    share_of: Option<String>,
    #[serde(default)]
    share_levels: Option<[u8; 3]>,
    /// How many options a person may pick at once: 1 (the default) is one answer, a radio
    /// group; more is several at once, checkboxes (issue 29).
    #[serde(default = "one")]
    most: u8,
    option: Vec<OptionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionFile {
    /// Company questions: where this answer points on the stage scale (0 early, 2 growth,
    /// 4 mature). Platform questions: the investment level it shows (0 none to 4 heavy).
    /// Strategy options have none.
    #[serde(default)]
    value: u8,
    /// A strategy answer with a note on what it means for the platform (its text is in the
    /// locale files).
    #[serde(default)]
    note: bool,
    #[serde(default)]
    shift: Vec<ShiftFile>,
    /// A real answer that says nothing about the stage or the investment (for example "no
    /// single pain stands out"): it counts towards nothing.
    #[serde(default)]
    neutral: bool,
    /// How a platform answer is held against a band: `"band"` (by its level, the default),
    /// `"never"` (it fits no stage: one level outside the band) or `"not_ahead"` (never
    /// ahead: above the band counts as the band's top).
    #[serde(default)]
    fit: Option<String>,
    /// For a platform question that measures no single dimension: the dimensions this
    /// answer counts towards, at its `value`.
    #[serde(default)]
    counts: Vec<String>,
    /// For a range of people, its ends `[low, high]` ("60 to 249" is `[60, 249]`; an open
    /// range such as "100 or more" is `[100]`), used to work out shares as ranges.
    #[serde(default)]
    people: Option<Vec<f32>>,
    /// The answer says the company is under cost pressure (cutting costs, protecting margins,
    /// a turnaround): priorities put cost and consolidation before growing the platform team.
    #[serde(default)]
    cost_pressure: bool,
    /// The answer says the company is cutting costs (a cost-cutting or turnaround goal): cost
    /// pressure, and re-platforming working services becomes a finding of its own.
    #[serde(default)]
    cost_cutting: bool,
    /// The answer is re-platforming services that work: while cutting costs it is a finding of
    /// its own.
    #[serde(default)]
    replatform: bool,
    /// In a question with several answers at once: an answer that is only ever given on its
    /// own ("nothing big", "no single pain stands out").
    #[serde(default)]
    alone: bool,
}

fn one() -> u8 {
    1
}

fn main() {
    let path = Path::new("src/bank.toml");
    println!("cargo::rerun-if-changed={}", path.display());
    let text = fs::read_to_string(path).expect("src/bank.toml is readable");
    let bank: BankFile = match toml::from_str(&text) {
        Ok(bank) => bank,
        Err(error) => panic!("src/bank.toml is not a valid bank: {error}"),
    };
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bank.rs");
    fs::write(out, generate(&bank)).expect("OUT_DIR is writable");
}

fn generate(bank: &BankFile) -> String {
    let mut code = String::new();
    let _ = writeln!(
        code,
        "/// The bank's version: it changes whenever a question is added, removed or changed."
    );
    let _ = writeln!(code, "pub const BANK_VERSION: u32 = {};", bank.version);
    let _ = writeln!(code, "pub static DIMENSIONS: &[Dimension] = &[");
    for d in &bank.dimension {
        let band = |b: [u8; 2]| {
            assert!(
                b[0] <= b[1] && b[1] <= 4,
                "dimension {}: band {b:?} must be low <= high <= 4",
                d.id
            );
            format!("Band {{ low: {}, high: {} }}", b[0], b[1])
        };
        assert!(
            d.weight.iter().all(|w| (1..=3).contains(w)),
            "dimension {}: weights are 1 to 3",
            d.id
        );
        let by_stage = |stages: &[String]| {
            let own = STAGES.map(|s| stages.iter().any(|t| t == s));
            assert!(
                stages.iter().all(|t| STAGES.contains(&t.as_str())),
                "dimension {}: unknown stage in {stages:?}",
                d.id
            );
            assert!(
                own.iter().any(|o| !o),
                "dimension {}: when every stage has its own advice, the default is never read",
                d.id
            );
            own
        };
        let by_level = |levels: &[u8]| {
            let mut own = [false; 5];
            for &level in levels {
                assert!(
                    level <= 4,
                    "dimension {}: levels are 0 to 4, not {level}",
                    d.id
                );
                assert!(
                    !own[usize::from(level)],
                    "dimension {}: level {level} listed twice",
                    d.id
                );
                own[usize::from(level)] = true;
            }
            own
        };
        for n in [d.key_results.ahead, d.key_results.behind] {
            assert!(
                (2..=3).contains(&n),
                "dimension {}: a draft goal has 2 or 3 key results",
                d.id
            );
        }
        let _ = writeln!(
            code,
            "    Dimension {{ id: {:?}, bands: [{}, {}, {}], weights: {:?}, \
             advice: Advice {{ ahead_by_stage: {:?}, behind_by_stage: {:?}, ahead_by_level: {:?}, behind_by_level: {:?}, \
             key_results_ahead: {}, key_results_behind: {} }} }},",
            d.id,
            band(d.early),
            band(d.growth),
            band(d.mature),
            d.weight,
            by_stage(&d.ahead_by_stage),
            by_stage(&d.behind_by_stage),
            by_level(&d.ahead_by_level),
            by_level(&d.behind_by_level),
            d.key_results.ahead,
            d.key_results.behind
        );
    }
    let _ = writeln!(code, "];");
    let _ = writeln!(code, "pub static QUESTIONS: &[Question] = &[");
    for q in &bank.question {
        let part = match q.part.as_str() {
            "company" => "Part::Company",
            "strategy" => "Part::Strategy",
            "platform" => "Part::Platform",
            other => panic!("question {}: unknown part {other:?}", q.id),
        };
        let dimension_index = |id: &str| {
            let index = bank.dimension.iter().position(|d| d.id == id);
            index.unwrap_or_else(|| panic!("question {}: unknown dimension {id:?}", q.id))
        };
        let dimension = match &q.dimension {
            None => "None".to_string(),
            Some(id) => format!("Some({})", dimension_index(id)),
        };
        let question_index = |id: &str| {
            let index = bank.question.iter().position(|other| other.id == id);
            index.unwrap_or_else(|| panic!("question {}: unknown question {id:?}", q.id))
        };
        let share_of = match (&q.share_of, q.share_levels) {
            (None, None) => "None".to_string(),
            (Some(id), Some(levels)) => {
                assert!(
                    levels[0] > 0 && levels.windows(2).all(|w| w[0] < w[1]),
                    "question {}: share levels rise",
                    q.id
                );
                format!(
                    "Some(Share {{ question: {}, levels: {levels:?} }})",
                    question_index(id)
                )
            }
            _ => panic!("question {}: share_of and share_levels go together", q.id),
        };
        assert!(
            q.most >= 1 && usize::from(q.most) <= q.option.len() && q.option.len() <= 16,
            "question {}: most is 1 to the number of options, and several answers fit 16 options",
            q.id
        );
        assert!(
            q.most > 1 || q.option.iter().all(|o| !o.alone),
            "question {}: only a question with several answers has answers given alone",
            q.id
        );
        let mut options = String::new();
        for o in &q.option {
            assert!(o.value <= 4, "question {}: option values are 0 to 4", q.id);
            let fit = match o.fit.as_deref() {
                None | Some("band") => "Fit::Band",
                Some("never") => "Fit::Never",
                Some("not_ahead") => "Fit::NotAhead",
                Some(other) => panic!("question {}: unknown fit {other:?}", q.id),
            };
            let people = match o.people.as_deref() {
                None => "None".to_string(),
                Some(&[low]) if low >= 0.0 => {
                    format!("Some(People {{ low: {low:?}, high: None }})")
                }
                Some(&[low, high]) if low >= 0.0 && high >= low => {
                    format!("Some(People {{ low: {low:?}, high: Some({high:?}) }})")
                }
                Some(other) => panic!(
                    "question {}: people is [low, high], or [low] for an open range, not {other:?}",
                    q.id
                ),
            };
            let counts: Vec<usize> = o.counts.iter().map(|id| dimension_index(id)).collect();
            let mut shifts = String::new();
            for s in &o.shift {
                let _ = write!(
                    shifts,
                    "Shift {{ dimension: {}, weight: {}, band: {} }}, ",
                    dimension_index(&s.dimension),
                    s.weight,
                    s.band
                );
            }
            let _ = write!(
                options,
                "Choice {{ value: {}, note: {}, shifts: &[{shifts}], neutral: {}, fit: {fit}, counts: &{counts:?}, people: {people}, cost_pressure: {}, cost_cutting: {}, replatform: {}, alone: {} }}, ",
                o.value,
                o.note,
                o.neutral,
                o.cost_pressure || o.cost_cutting,
                o.cost_cutting,
                o.replatform,
                o.alone
            );
        }
        let _ = writeln!(
            code,
            "    Question {{ id: {:?}, part: {part}, dimension: {dimension}, share_of: {share_of}, most: {}, options: &[{options}] }},",
            q.id, q.most
        );
    }
    let _ = writeln!(code, "];");
    code
}
