//! Share links: a whole assessment (answers, stage override, label) packed into a few dozen
//! characters for the URL fragment, so no server ever sees it, and read back safely.
//!
//! Layout, bit by bit: format version (4 bits), bank version (8), then every question of that
//! bank version's layout in the fewest bits its codes need (0 unanswered, 1 "Don't know",
//! 2 and up an option), the stage override (2), the label's UTF-8 length (9) and bytes, and an
//! 8-bit checksum (CRC-8 over all bytes before it, in every format version, so that a link
//! from a newer format is told apart from noise); padded to whole bytes and written as unpadded
//! base64url. Links made with an
//! older bank stay readable through the frozen layouts in `link_layouts.txt`.
//!
//! Decoding text from outside can fail, and does so with a `LinkError`, never a panic.

use std::fmt;

use base64::engine::{GeneralPurpose, general_purpose};
use base64::{DecodeError, Engine as _, alphabet};
use crc::{CRC_8_SMBUS, Crc};

use super::answers::{Answer, Answers};
use super::bank::Bank;
use super::report::{LABEL_MAX, clean_label};
use super::stage::Stage;

/// The newest link format this build writes and reads.
pub const LINK_FORMAT: u32 = 1;
/// The longest payload decoded; anything longer is refused before any work.
pub const MAX_PAYLOAD: usize = 1200;
/// The fragment key: links look like `…/#r=PAYLOAD`.
pub const FRAGMENT_KEY: &str = "r=";

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

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    Empty,
    TooLong,
    /// Characters that base64url does not use.
    NotBase64,
    /// It ends before all its parts (cut short when copied).
    Truncated,
    /// The checksum does not match: the link was changed.
    Altered,
    /// Made by a newer Stagefit (a newer link format or question bank).
    Newer,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkError::Empty => "the link holds no result",
            LinkError::TooLong => "the link is far longer than any Stagefit link",
            LinkError::NotBase64 => "the link contains characters a Stagefit link never has",
            LinkError::Truncated => "the link is cut short; it may not have been copied whole",
            LinkError::Altered => "the link has been changed since it was made",
            LinkError::Newer => {
                "the link was made by a newer version of Stagefit; reload the page to update"
            }
        })
    }
}

/// The layout (question id, option count) of a bank version, from the frozen layouts file.
fn layout(version: u32) -> Vec<(&'static str, usize)> {
    LAYOUTS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.split_whitespace();
            let v: u32 = parts.next()?.parse().ok()?;
            let id = parts.next()?;
            let n: usize = parts.next()?.parse().ok()?;
            (v == version).then_some((id, n))
        })
        .collect()
}

/// Bits needed for a question with `n` options (codes 0 to n + 1).
fn width(n: usize) -> u32 {
    usize::BITS - (n + 1).leading_zeros()
}

/// The catalogue's CRC-8/SMBUS (polynomial 0x07, initial value 0): it catches every
/// single-character change, and every link ever made ends in it.
const CRC_8: Crc<u8> = Crc::<u8>::new(&CRC_8_SMBUS);

fn checksum(bytes: &[u8]) -> u8 {
    CRC_8.checksum(bytes)
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

/// Packs an assessment into a link payload.
pub fn encode(bank: &Bank, answers: &Answers, label: &str) -> String {
    let mut bits = Bits {
        bytes: Vec::new(),
        len: 0,
    };
    bits.push(LINK_FORMAT, 4);
    bits.push(bank.version.min(255), 8);
    for (index, q) in bank.questions.iter().enumerate() {
        let code = match answers.get(index) {
            Answer::Unanswered => 0,
            Answer::Unknown => 1,
            Answer::Chosen(c) if usize::from(c) < q.options.len() => u32::from(c) + 2,
            Answer::Chosen(_) => 0,
        };
        bits.push(code, width(q.options.len()));
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
    let sum = checksum(&bits.bytes);
    // The checksum goes on whole bytes, after the padding of the last one.
    bits.len = bits.bytes.len() * 8;
    bits.push(u32::from(sum), 8);
    BASE64.encode(&bits.bytes)
}

/// Reads a link payload (the text after `#r=`).
pub fn decode(bank: &Bank, payload: &str) -> Result<(Shared, LinkNotes), LinkError> {
    if payload.is_empty() {
        return Err(LinkError::Empty);
    }
    if payload.len() > MAX_PAYLOAD {
        return Err(LinkError::TooLong);
    }
    let bytes = from_base64(payload)?;
    let (&sum, body) = bytes.split_last().ok_or(LinkError::Truncated)?;
    let mut reader = Reader {
        bytes: body,
        pos: 0,
    };
    let format = reader.take(4)?;
    if format == 0 {
        return Err(LinkError::Altered);
    }
    // Every format, now and later, ends in a CRC-8 of what precedes it, so a newer link can be
    // told apart from noise that merely starts with a high number.
    if format > LINK_FORMAT {
        return Err(if checksum(body) == sum {
            LinkError::Newer
        } else {
            LinkError::Altered
        });
    }
    let version = reader.take(8)?;
    if version > bank.version {
        return Err(if checksum(body) == sum {
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
    for (id, n) in &layout {
        let code = reader.take(width(*n))? as usize;
        let here = bank.questions.iter().position(|q| q.id == *id);
        let answer = match code {
            0 => Answer::Unanswered,
            1 => Answer::Unknown,
            c if c - 2 < *n => Answer::Chosen((c - 2) as u8),
            _ => return Err(LinkError::Altered),
        };
        match here {
            Some(i) if bank.questions[i].options.len() == *n => answers.set(i, answer),
            _ if answer == Answer::Unanswered => {}
            _ => notes.dropped += 1,
        }
    }
    notes.added = bank
        .questions
        .iter()
        .filter(|q| !layout.iter().any(|(id, _)| id == &q.id))
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
    if checksum(body) != sum {
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
        .map(|q| ((q.options.len() + 2) as f64).log2())
        .sum()
}

/// The bits the answers take in a link.
pub fn answer_bits(bank: &Bank) -> u32 {
    bank.questions.iter().map(|q| width(q.options.len())).sum()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
