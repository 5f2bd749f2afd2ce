//! Prints what the pure core can measure without a browser: the reading load of the
//! questionnaire (the words a respondent reads) and the time estimate the landing page shows,
//! share-link lengths against the information-theoretic minimum, and workshop timings. Run by
//! `./setup.sh bench`, which adds the browser numbers.

use std::time::Instant;

use stagefit_core::{
    Answer, Answers, BANK, BankText, JsonBankText, Part, Stage, link, minutes, reading_words,
    workshop,
};

/// The reading load, in words: legends, options and "why we ask", by part and in all, in each
/// language (the words are the locale files').
fn print_reading_load() {
    for (lang, json) in [
        ("en", include_str!("../../../locales/en/bank.json")),
        ("de", include_str!("../../../locales/de/bank.json")),
        ("fr", include_str!("../../../locales/fr/bank.json")),
    ] {
        let Some(text) = JsonBankText::parse(json) else {
            println!("reading load ({lang}): locales/{lang}/bank.json is not JSON");
            continue;
        };
        print_reading_load_in(lang, &text);
    }
}

fn print_reading_load_in(lang: &str, text: &JsonBankText) {
    let words = stagefit_core::words;
    let (why_label, dont_know) = (text.why_label(), text.dont_know());
    let (mut legends, mut options, mut why, mut app) = (0, 0, 0, 0);
    for part in [Part::Company, Part::Strategy, Part::Platform] {
        let mut in_part = 0;
        for q in BANK.questions.iter().filter(|q| q.part == part) {
            let o: usize = (0..q.options.len())
                .map(|o| words(&text.option(q, o)))
                .sum();
            let (prompt, reason) = (words(&text.question(q)), words(&text.why(q)));
            legends += prompt;
            options += o;
            why += reason;
            app += words(&why_label) + words(&dont_know);
            in_part += prompt + o + reason + words(&why_label) + words(&dont_know);
        }
        println!(
            "reading load ({lang}), {} questions: {in_part} words",
            part.id()
        );
    }
    println!(
        "reading load ({lang}): {} words (legends {legends}, options {options}, why we ask {why}, \"{why_label}\" and \"{dont_know}\" {app}); ceiling 1800",
        reading_words(&BANK, text)
    );
    println!(
        "time estimate on the landing page ({lang}): about {} minutes for {} questions",
        minutes(&BANK, text),
        BANK.questions.len()
    );
}

/// A room of `n` participants as a chat transcript, the same every time: answers vary by a
/// simple formula so the room disagrees in places.
fn room(n: usize) -> String {
    (0..n)
        .map(|p| {
            let mut answers = Answers::new(&BANK);
            for (i, q) in BANK.questions.iter().enumerate() {
                let c = (p * 7 + i * 3 + p / 5) % (q.options.len() + 1);
                answers.set(
                    i,
                    if c == q.options.len() {
                        Answer::Unknown
                    } else {
                        Answer::Chosen(c as u8)
                    },
                );
            }
            let label = format!("Participant {}", p + 1);
            format!(
                "[09:{:02}] {label}: https://example.org/stagefit/#r={}&w=bench\n",
                p % 60,
                link::encode(&BANK, &answers, &label)
            )
        })
        .collect()
}

fn main() {
    if std::env::args().nth(1).as_deref() == Some("room") {
        let n = std::env::args()
            .nth(2)
            .and_then(|n| n.parse().ok())
            .unwrap_or(300);
        print!("{}", room(n));
        return;
    }
    let mut answers = Answers::new(&BANK);
    for (i, q) in BANK.questions.iter().enumerate() {
        answers.set(i, Answer::Chosen((q.options.len() - 1) as u8));
    }
    answers.stage_override = Some(Stage::Growth);
    let bare = link::encode(&BANK, &answers, "");
    let labelled = link::encode(&BANK, &answers, "Platform team, Q3 review");
    let minimum_chars = link::minimum_bits(&BANK) / 6.0;
    println!("questions: {}", BANK.questions.len());
    print_reading_load();
    println!(
        "answer bits: {} (information-theoretic minimum {:.1}, ratio {:.3})",
        link::answer_bits(&BANK),
        link::minimum_bits(&BANK),
        f64::from(link::answer_bits(&BANK)) / link::minimum_bits(&BANK)
    );
    println!(
        "share-link payload, full assessment, no label: {} characters (minimum {minimum_chars:.1})",
        bare.len()
    );
    println!(
        "share-link payload, with a 24-character label: {} characters",
        labelled.len()
    );
    println!("fragment as shared: #{}{bare}", link::FRAGMENT_KEY);

    for n in [300, 2000] {
        let text = room(n);
        let started = Instant::now();
        let mut room_workshop = workshop::Workshop {
            id: "bench".to_string(),
            name: "Bench".to_string(),
            note: String::new(),
            created: 0.0,
            payloads: Vec::new(),
            agreed: Default::default(),
            unknown: Default::default(),
        };
        let report = workshop::gather(&BANK, &mut room_workshop, &text);
        let people = workshop::participants(&BANK, &room_workshop);
        let aggregate = workshop::aggregate(&BANK, &people);
        println!(
            "workshop, {n} participants pasted as one transcript: {report:?}; gathered and aggregated natively in {:.1} ms ({} participants)",
            started.elapsed().as_secs_f64() * 1000.0,
            aggregate.n_participants
        );
    }
}
