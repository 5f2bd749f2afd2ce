//! Share links: a whole assessment (answers, stage override, label) packed into a few dozen
//! characters for the URL fragment, so no server ever sees it, and read back safely.
//!
//! Layout, bit by bit: format version (4 bits), bank version (8), then every question of that
//! bank version's layout in the fewest bits its codes need (0 unanswered, 1 "Don't know",
//! 2 and up an option), the stage override (2), the label's UTF-8 length (9) and bytes, padded
//! to whole bytes; then the check, and the whole written as unpadded base64url. Format 1's check
//! is a CRC-8 of the bytes before it. Format 2 (issue 18) ends in a CRC-16 of those bytes and
//! then a CRC-8 of everything before it, CRC-16 included: every format ends in a CRC-8 of all
//! that precedes it, so any build, however old, tells a link of a newer format from noise.
//! Links made with an older bank stay readable through the frozen layouts in
//! `link_layouts.txt`, and links of format 1 through its own check.
//!
//! Decoding text from outside can fail, and does so with a `LinkError`, never a panic; it must
//! never open a result other than the one the link was made with, nor guess at a repair.

use std::sync::LazyLock;

use base64::engine::{GeneralPurpose, general_purpose};
use base64::{DecodeError, Engine as _, alphabet};
use crc::{CRC_8_SMBUS, CRC_16_IBM_SDLC, Crc};

use super::answers::{Answer, Answers};
use super::bank::Bank;
use super::report::{LABEL_MAX, clean_label};
use super::stage::Stage;

/// The newest link format this build writes and reads.
pub const LINK_FORMAT: u32 = 2;
/// The longest payload decoded; anything longer is refused before any work.
pub const MAX_PAYLOAD: usize = 1200;
/// The fragment key: links look like `…/#r=PAYLOAD`.
pub const FRAGMENT_KEY: &str = "r=";
/// The last question bank any build wrote in link format 1: format 2 came (issue 18) while the
/// bank was version 2, and every later bank is written in format 2 or later. So a format-1 link
/// naming a later bank was never made: it is damaged, not newer (issue 30).
const LAST_BANK_OF_FORMAT_1: u32 = 2;
/// The 64 characters of base64url (RFC 4648, section 5), in their order.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const LAYOUTS: &str = include_str!("link_layouts.txt");

/// What a share link carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub answers: Answers,
    pub label: String,
}

/// What reading an old link had to leave out, so the viewer can be told.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkNotes {
    /// The bank version the link was made with.
    pub bank_version: u32,
    /// Answers to questions this bank no longer asks, or asks with other options.
    pub dropped: usize,
    /// Questions added since the link was made (they show as unanswered).
    pub added: usize,
}

/// Why a link could not be read: data, which the app words in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    TooLong,
    /// Characters that base64url does not use.
    NotBase64,
    /// It ends before all its parts, and what it holds is the beginning of a link: it was cut
    /// short when copied.
    Truncated,
    /// The check does not match, or there is more than its parts, or it ends early but is no
    /// link's beginning: the link was changed, a character was added to it, or it is noise.
    Altered,
    /// Made by a newer Stagefit (a newer link format or question bank), and whole: its checks
    /// hold.
    Newer,
}

/// Every frozen layout, read from the layouts file once: (bank version, question id, option
/// count, how many options may be picked at once), in file order. A count written `8/2` is 8
/// options of which up to 2 at once (issue 29). Reading the file on every decode made a room of
/// 2,000 links spend most of its time here (issue 18).
static LAYOUT_LINES: LazyLock<Vec<(u32, &'static str, usize, usize)>> = LazyLock::new(|| {
    LAYOUTS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let v: u32 = parts.next()?.parse().ok()?;
            let id = parts.next()?;
            let (n, most) = match parts.next()?.split_once('/') {
                Some((n, most)) => (n.parse().ok()?, most.parse().ok()?),
                None => (parts_count(l)?, 1),
            };
            Some((v, id, n, most))
        })
        .collect()
});

/// The option count of a layout line written without `/`.
fn parts_count(line: &str) -> Option<usize> {
    line.split_whitespace().nth(2)?.parse().ok()
}

/// Answers that moved to another question, or to other places in the same question, when
/// options were added (`link_layouts.txt`'s `from` lines): (new id, old id, for each old option
/// in order the new option it becomes).
static MOVES: LazyLock<Vec<(&'static str, &'static str, Vec<usize>)>> = LazyLock::new(|| {
    LAYOUTS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let (_, id, _) = (parts.next()?, parts.next()?, parts.next()?);
            (parts.next()? == "from").then_some(())?;
            let from = parts.next()?;
            let map: Option<Vec<usize>> = parts.map(|p| p.parse().ok()).collect();
            Some((id, from, map?))
        })
        .collect()
});

/// Where an answer to question `id` (with `n` options, when known) goes in `bank` when that
/// question's answers moved: the new question's index and answer. Option N of the old question
/// becomes the option its `from` line names; "Don't know" stays "Don't know". `None` when the
/// answer did not move, or moved to a question this bank does not have.
pub(crate) fn moved(
    bank: &Bank,
    id: &str,
    n: Option<usize>,
    answer: Answer,
) -> Option<(usize, Answer)> {
    MOVES
        .iter()
        .filter(|(_, from, map)| *from == id && n.is_none_or(|n| n == map.len()))
        .find_map(|(to, _, map)| {
            let index = bank.questions.iter().position(|q| q.id == *to)?;
            let question = &bank.questions[index];
            let answer = match answer {
                Answer::Chosen(_) | Answer::Several(_) => {
                    let mut mask = 0_u16;
                    for old in answer.picked() {
                        mask |= 1_u16.checked_shl(*map.get(old)? as u32)?;
                    }
                    let picks = Answer::picks(mask);
                    picks.fits(question).then_some(picks)?
                }
                other => other,
            };
            Some((index, answer))
        })
}

/// The layout (question id, option count, most picked at once) of a bank version, from the
/// frozen layouts file.
fn layout(version: u32) -> Vec<(&'static str, usize, usize)> {
    LAYOUT_LINES
        .iter()
        .filter(|(v, _, _, _)| *v == version)
        .map(|&(_, id, n, most)| (id, n, most))
        .collect()
}

/// Bits needed for a question with `n` options of which `most` may be picked at once: one
/// answer takes codes 0 to n + 1 (unanswered, "Don't know", each option); several take 0, 1
/// and the mask of the options picked plus one, so n + 1 bits.
fn width(n: usize, most: usize) -> u32 {
    if most > 1 {
        n as u32 + 1
    } else {
        usize::BITS - (n + 1).leading_zeros()
    }
}

/// The catalogue's CRC-8/SMBUS (polynomial 0x07, initial value 0): it catches every
/// single-character change, and every link ever made ends in it.
const CRC_8: Crc<u8> = Crc::<u8>::new(&CRC_8_SMBUS);

/// The catalogue's CRC-16/IBM-SDLC (the X.25 CRC, polynomial 0x1021): format 2's check, which
/// catches every change within 16 bits in a row, so any two neighbouring characters.
const CRC_16: Crc<u16> = Crc::<u16>::new(&CRC_16_IBM_SDLC);

fn checksum(bytes: &[u8]) -> u8 {
    CRC_8.checksum(bytes)
}

/// The check that ends a link of `format` made of `body`: format 1, a CRC-8 of the body;
/// format 2, a CRC-16 of the body (big-endian) and a CRC-8 of the body and the CRC-16.
fn check(format: u32, body: &[u8]) -> Vec<u8> {
    if format == 1 {
        return vec![checksum(body)];
    }
    let mut sum = CRC_16.checksum(body).to_be_bytes().to_vec();
    let mut digest = CRC_8.digest();
    digest.update(body);
    digest.update(&sum);
    sum.push(digest.finalize());
    sum
}

/// How many bytes `check` writes for `format`.
fn check_len(format: u32) -> usize {
    if format == 1 { 1 } else { 3 }
}

struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    fn push(&mut self, value: u32, width: u32) {
        for i in (0..width).rev() {
            if self.len.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if (value >> i) & 1 == 1 {
                let last = self.bytes.len() - 1;
                self.bytes[last] |= 0x80 >> (self.len % 8);
            }
            self.len += 1;
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, width: u32) -> Result<u32, LinkError> {
        let mut value = 0_u32;
        for _ in 0..width {
            let byte = self.bytes.get(self.pos / 8).ok_or(LinkError::Truncated)?;
            value = (value << 1) | u32::from((byte >> (7 - self.pos % 8)) & 1);
            self.pos += 1;
        }
        Ok(value)
    }
}

/// Unpadded base64url (RFC 4648, section 5). Padding is refused, as it always was; leftover
/// bits in the last character are ignored when reading, as they always were, so no link that
/// opened before stops opening.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    general_purpose::NO_PAD.with_decode_allow_trailing_bits(true),
);

/// The bytes of a payload, or which way it is not one.
fn from_base64(text: &str) -> Result<Vec<u8>, LinkError> {
    BASE64.decode(text).map_err(|e| match e {
        // A length no base64 has: the last character of a group of four is missing.
        DecodeError::InvalidLength(_) => LinkError::Truncated,
        DecodeError::InvalidByte(..)
        | DecodeError::InvalidPadding
        | DecodeError::InvalidLastSymbol(..) => LinkError::NotBase64,
    })
}

/// Packs an assessment into a link payload of the newest format.
pub fn encode(bank: &Bank, answers: &Answers, label: &str) -> String {
    encode_format(bank, answers, label, LINK_FORMAT)
}

/// Packs an assessment into a link payload of `format` (1 or 2); tests write format 1 to
/// compare it with the format this build writes.
fn encode_format(bank: &Bank, answers: &Answers, label: &str, format: u32) -> String {
    let mut bits = Bits {
        bytes: Vec::new(),
        len: 0,
    };
    bits.push(format, 4);
    bits.push(bank.version.min(255), 8);
    for (index, q) in bank.questions.iter().enumerate() {
        let answer = answers.get(index);
        let code = match answer {
            Answer::Unanswered => 0,
            Answer::Unknown => 1,
            _ if !answer.fits(q) => 0,
            _ if q.several() => u32::from(answer.mask()) + 1,
            Answer::Chosen(c) => u32::from(c) + 2,
            Answer::Several(_) => 0,
        };
        bits.push(code, width(q.options.len(), usize::from(q.most)));
    }
    let stage = match answers.stage_override {
        None => 0,
        Some(Stage::Early) => 1,
        Some(Stage::Growth) => 2,
        Some(Stage::Mature) => 3,
    };
    bits.push(stage, 2);
    let label = clean_label(label);
    bits.push(label.len() as u32, 9);
    for &b in label.as_bytes() {
        bits.push(u32::from(b), 8);
    }
    // The check goes on whole bytes, after the padding of the last one.
    let sum = check(format, &bits.bytes);
    bits.bytes.extend_from_slice(&sum);
    BASE64.encode(&bits.bytes)
}

/// Reads a link payload (the text after `#r=`).
pub fn decode(bank: &Bank, payload: &str) -> Result<(Shared, LinkNotes), LinkError> {
    match decode_exactly(bank, payload) {
        // A link that seems to end too soon may instead have been changed: a character too many
        // shifts every bit after it (or leaves a length no base64 has), and a character changed
        // in its header or its label's length makes it seem to need more than it holds. It is
        // said to be cut short only when it reads as the beginning of a link and no single
        // character added or changed explains it (issue 18, issue 30). A damaged link is still
        // not opened: which character was changed is a guess.
        Err(LinkError::Truncated)
            if !reads_as_a_beginning(bank, payload)
                || one_character_too_many(bank, payload)
                || one_character_changed(bank, payload) =>
        {
            Err(LinkError::Altered)
        }
        result => result,
    }
}

/// Whether `text` is a whole link of a format this build reads, of one of `formats`. Its check
/// is tried first, which is cheap; only a link that passes it is read in full.
fn whole(bank: &Bank, text: &str, formats: std::ops::RangeInclusive<u32>) -> bool {
    let passes_its_check = from_base64(text).is_ok_and(|bytes| {
        let format = bytes.first().map_or(0, |b| u32::from(b >> 4));
        formats.contains(&format) && bytes.len() > check_len(format) && {
            let (body, sum) = bytes.split_at(bytes.len() - check_len(format));
            check(format, body) == sum
        }
    });
    passes_its_check && decode_exactly(bank, text).is_ok()
}

/// Whether taking out one of the payload's characters leaves a whole link of a format this
/// build reads.
fn one_character_too_many(bank: &Bank, payload: &str) -> bool {
    payload.is_ascii()
        && (0..payload.len()).any(|i| {
            let shorter = format!("{}{}", &payload[..i], &payload[i + 1..]);
            whole(bank, &shorter, 1..=LINK_FORMAT)
        })
}

/// Whether changing one character of the payload, where a change can make a link seem to end
/// too soon, gives a whole link of format 2 or later. Only the characters that hold the header
/// (a format, and so a check, or a bank, and so a layout, other than the link's) and those that
/// hold the label's length can do that, so only those are tried: a few hundred candidates,
/// whatever the link's length. Format 1's check has 8 bits, and one of a few hundred changes
/// of a link cut short would pass it by chance, so a format-1 result is no evidence here.
fn one_character_changed(bank: &Bank, payload: &str) -> bool {
    if !payload.is_ascii() {
        return false;
    }
    let mut places = vec![0, 1];
    if let Ok(bytes) = from_base64(payload) {
        let mut reader = Reader {
            bytes: &bytes,
            pos: 4,
        };
        if let Ok(version) = reader.take(8) {
            let answers: u32 = layout(version)
                .iter()
                .map(|&(_, n, most)| width(n, most))
                .sum();
            // The label's length: 9 bits after the header, the answers and the stage.
            let at = 12 + answers as usize + 2;
            // Not 0 or 1 again: the answers take far more than the first two characters.
            places.extend((at / 6..=(at + 8) / 6).filter(|&i| i > 1));
        }
    }
    places.into_iter().filter(|&i| i < payload.len()).any(|i| {
        ALPHABET
            .iter()
            .filter(|&&c| c != payload.as_bytes()[i])
            .any(|&c| {
                let mut changed = payload.as_bytes().to_vec();
                changed[i] = c;
                String::from_utf8(changed).is_ok_and(|text| whole(bank, &text, 2..=LINK_FORMAT))
            })
    })
}

/// Whether the payload reads as the beginning of a link: as if it were cut short anywhere, with
/// no check at its end. Every field it holds must be one a link can have (a format and bank this
/// build knows, answer codes within their questions, a label length a label can have), the label
/// bytes it holds must begin a label (UTF-8, with no control characters), and, where it holds
/// the whole label, what follows must be less than the check. A link whose label's length was
/// changed upwards fails this: it would have to hold its old check as label bytes, which are
/// noise. One whose beginning is too short to say anything is given the benefit of the doubt.
fn reads_as_a_beginning(bank: &Bank, payload: &str) -> bool {
    // A length no base64 has: its last character, a part of a byte, is left out.
    let text = if payload.len() % 4 == 1 && payload.is_char_boundary(payload.len() - 1) {
        &payload[..payload.len() - 1]
    } else {
        payload
    };
    let Ok(bytes) = from_base64(text) else {
        return true;
    };
    // `None`: it ends within a field, and all it holds before that is a link's.
    fields_can_begin_a_link(bank, &bytes).unwrap_or(true)
}

/// `reads_as_a_beginning` on the payload's bytes: whether each field up to the end is one a link
/// can have, or `None` when the bytes end within a field before anything impossible was read.
fn fields_can_begin_a_link(bank: &Bank, bytes: &[u8]) -> Option<bool> {
    let mut reader = Reader { bytes, pos: 0 };
    let format = reader.take(4).ok()?;
    let version = reader.take(8).ok()?;
    if format == 0 || (format == 1 && version > LAST_BANK_OF_FORMAT_1) {
        return Some(false);
    }
    if format > LINK_FORMAT || version > bank.version {
        // A newer format's or bank's layout is not known here: nothing more can be said.
        return None;
    }
    let layout = layout(version);
    if layout.is_empty() {
        return Some(false);
    }
    for &(_, n, most) in &layout {
        // One answer: 0 to n + 1. Several: any n + 1 bits, the mask plus one.
        let code = reader.take(width(n, most)).ok()? as usize;
        if (most == 1 && code > n + 1) || (most > 1 && code > 1 << n) {
            return Some(false);
        }
    }
    reader.take(2).ok()?;
    let length = reader.take(9).ok()? as usize;
    if length > LABEL_MAX * 4 {
        return Some(false);
    }
    let label: Vec<u8> = (0..length)
        .map_while(|_| reader.take(8).ok().map(|byte| byte as u8))
        .collect();
    if !begins_a_label(&label) {
        return Some(false);
    }
    if label.len() < length {
        return None;
    }
    // The whole label is here: the padding of its last byte is zero, and the check that follows
    // is not all here (a whole check would make it a whole link, or one that fails its check).
    let end = reader.pos.div_ceil(8);
    let padding = (end * 8 - reader.pos) as u32;
    let padded = reader.take(padding).ok()? == 0;
    Some(padded && bytes.len() - end < check_len(format))
}

/// Whether `bytes` can begin a cleaned label: UTF-8 (perhaps ending within a character) with no
/// control characters, which cleaning takes out of every label a link carries.
fn begins_a_label(bytes: &[u8]) -> bool {
    let valid = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Cut within a character: what comes before it must be clean.
        Err(error) if error.error_len().is_none() => {
            std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !valid.chars().any(char::is_control)
}

/// Reads a link payload as it is, character for character.
fn decode_exactly(bank: &Bank, payload: &str) -> Result<(Shared, LinkNotes), LinkError> {
    if payload.is_empty() {
        return Err(LinkError::Empty);
    }
    if payload.len() > MAX_PAYLOAD {
        return Err(LinkError::TooLong);
    }
    let bytes = from_base64(payload)?;
    // The shortest link of any format is a header and a check.
    if bytes.len() < 2 {
        return Err(LinkError::Truncated);
    }
    let format = u32::from(bytes[0] >> 4);
    if format == 0 {
        return Err(LinkError::Altered);
    }
    // Every format, now and later, ends in a CRC-8 of what precedes it, so a newer link can be
    // told apart from noise that merely starts with a high number.
    // From format 2 on, every format also puts a CRC-16 of the bytes before it in front of that
    // CRC-8, as format 2 does: this build says "newer" only when both hold, so noise passes for a
    // newer link once in 16 million times rather than once in 256 (issue 30).
    if format > LINK_FORMAT {
        let whole = bytes.len() > check_len(LINK_FORMAT) + 1 && {
            let (body, sum) = bytes.split_at(bytes.len() - check_len(LINK_FORMAT));
            check(LINK_FORMAT, body) == sum
        };
        return Err(if whole {
            LinkError::Newer
        } else {
            LinkError::Altered
        });
    }
    let (body, sum) = match bytes.len().checked_sub(check_len(format)) {
        Some(n) if n > 0 => bytes.split_at(n),
        _ => return Err(LinkError::Truncated),
    };
    let intact = check(format, body) == sum;
    let mut reader = Reader {
        bytes: body,
        pos: 4,
    };
    let version = reader.take(8)?;
    if format == 1 && version > LAST_BANK_OF_FORMAT_1 {
        return Err(LinkError::Altered);
    }
    if version > bank.version {
        return Err(if intact {
            LinkError::Newer
        } else {
            LinkError::Altered
        });
    }
    let layout = layout(version);
    if layout.is_empty() {
        return Err(LinkError::Altered);
    }
    let mut answers = Answers::new(bank);
    let mut notes = LinkNotes {
        bank_version: version,
        ..LinkNotes::default()
    };
    for &(id, n, most) in &layout {
        let code = reader.take(width(n, most))? as usize;
        let here = bank.questions.iter().position(|q| q.id == id);
        let answer = match code {
            0 => Answer::Unanswered,
            1 => Answer::Unknown,
            c if most > 1 => Answer::picks((c - 1) as u16),
            c if c - 2 < n => Answer::Chosen((c - 2) as u8),
            _ => return Err(LinkError::Altered),
        };
        match here {
            Some(i)
                if bank.questions[i].options.len() == n
                    && usize::from(bank.questions[i].most) == most =>
            {
                // No build writes a set of options its question does not accept.
                if !answer.fits(&bank.questions[i]) {
                    return Err(LinkError::Altered);
                }
                answers.set(i, answer)
            }
            _ if answer == Answer::Unanswered => {}
            _ => match moved(bank, id, Some(n), answer) {
                Some((i, answer)) => answers.set(i, answer),
                None => notes.dropped += 1,
            },
        }
    }
    // A question the link's bank did not ask, and whose answers no question of it moved to.
    let reached: Vec<usize> = layout
        .iter()
        .filter_map(|&(id, n, _)| moved(bank, id, Some(n), Answer::Unknown).map(|(i, _)| i))
        .collect();
    notes.added = bank
        .questions
        .iter()
        .enumerate()
        .filter(|(i, q)| !layout.iter().any(|(id, _, _)| id == &q.id) && !reached.contains(i))
        .count();
    answers.stage_override = match reader.take(2)? {
        0 => None,
        1 => Some(Stage::Early),
        2 => Some(Stage::Growth),
        _ => Some(Stage::Mature),
    };
    let length = reader.take(9)? as usize;
    if length > LABEL_MAX * 4 {
        return Err(LinkError::Altered);
    }
    let mut label_bytes = Vec::with_capacity(length);
    for _ in 0..length {
        label_bytes.push(reader.take(8)? as u8);
    }
    // Whatever follows, up to the padding of the last byte, must be zero.
    if reader.pos.div_ceil(8) != body.len() {
        return Err(if reader.pos.div_ceil(8) < body.len() {
            LinkError::Altered
        } else {
            LinkError::Truncated
        });
    }
    if !intact {
        return Err(LinkError::Altered);
    }
    let label = String::from_utf8(label_bytes).map_err(|_| LinkError::Altered)?;
    Ok((
        Shared {
            answers,
            label: clean_label(&label),
        },
        notes,
    ))
}

/// The one spelling of a payload: its bytes written again as base64url, so the leftover bits of
/// its last character, which no reader looks at, are zero. Two payloads with the same canonical
/// form are the same link, however those bits were spelled (issue 30); `None` when the text is
/// not base64url at all.
pub fn canonical(payload: &str) -> Option<String> {
    from_base64(payload).ok().map(|bytes| BASE64.encode(bytes))
}

/// The payload in a URL fragment such as `#r=PAYLOAD` (with or without the `#`), if the fragment
/// is a share link at all.
pub fn payload_in_fragment(fragment: &str) -> Option<&str> {
    fragment
        .strip_prefix('#')
        .unwrap_or(fragment)
        .strip_prefix(FRAGMENT_KEY)
}

/// The information-theoretic minimum, in bits, of a bank's answers: the sum over questions of
/// log2 of the number of possible answers (each option, "Don't know", unanswered).
pub fn minimum_bits(bank: &Bank) -> f64 {
    bank.questions
        .iter()
        .map(|q| {
            // Several at once: every set of up to `most` options, "Don't know", unanswered.
            let sets: f64 = (1..=usize::from(q.most))
                .map(|k| binomial(q.options.len(), k))
                .sum();
            (sets + 2.0).log2()
        })
        .sum()
}

/// How many ways to pick `k` of `n`.
fn binomial(n: usize, k: usize) -> f64 {
    (0..k).fold(1.0, |c, i| c * (n - i) as f64 / (i + 1) as f64)
}

/// The bank versions whose answers this bank reads whole: every question of the version is
/// asked here as it was, or its answers moved here, each option and "Don't know" included
/// (`link_layouts.txt`). A draft or link of such a version opens with nothing dropped, so the
/// page can speak of it before the app runs (issue 27); the current version is always one.
pub fn banks_read_whole(bank: &Bank) -> Vec<u32> {
    (1..=bank.version)
        .filter(|&version| {
            let layout = layout(version);
            !layout.is_empty()
                && layout.iter().all(|&(id, n, most)| {
                    let same = bank
                        .questions
                        .iter()
                        .any(|q| q.id == id && q.options.len() == n && usize::from(q.most) == most);
                    let every = (0..n)
                        .map(|c| Answer::Chosen(c as u8))
                        .chain([Answer::Unknown])
                        .all(|a| moved(bank, id, Some(n), a).is_some());
                    same || (most == 1 && every)
                })
        })
        .collect()
}

/// The bits the answers take in a link.
pub fn answer_bits(bank: &Bank) -> u32 {
    bank.questions
        .iter()
        .map(|q| width(q.options.len(), usize::from(q.most)))
        .sum()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
