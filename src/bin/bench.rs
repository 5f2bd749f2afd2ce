//! Prints what the pure core can measure without a browser: share-link lengths against the
//! information-theoretic minimum. Run by `./setup.sh bench`, which adds the browser numbers.

use stagefit::assessment::{Answer, Answers, BANK, Stage, link};

fn main() {
    let mut answers = Answers::new(&BANK);
    for (i, q) in BANK.questions.iter().enumerate() {
        answers.set(i, Answer::Chosen((q.options.len() - 1) as u8));
    }
    answers.stage_override = Some(Stage::Growth);
    let bare = link::encode(&BANK, &answers, "");
    let labelled = link::encode(&BANK, &answers, "Platform team, Q3 review");
    let minimum_chars = link::minimum_bits(&BANK) / 6.0;
    println!("questions: {}", BANK.questions.len());
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
}
