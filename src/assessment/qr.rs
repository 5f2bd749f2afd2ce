//! A QR code of a share link as one SVG path, so the UI draws it without any image library.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code ready to draw: a square of `size` modules (quiet zone included) and a path of
/// one-module squares for the dark ones.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub size: usize,
    pub path: String,
}

/// The margin of light modules the QR standard asks for around the code.
const QUIET: usize = 4;

/// The QR code for `text`, or `None` if it is too long to encode.
pub fn qr(text: &str) -> Option<Qr> {
    // Medium error correction: still scans from a projector or a slightly blurred phone photo.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == Color::Dark {
            let (x, y) = (i % width + QUIET, i / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some(Qr {
        size: width + 2 * QUIET,
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_link_becomes_a_small_qr_code() {
        let link = "https://example.org/stagefit/#r=EBTlLkIpylOUpylOAAAY";
        let qr = qr(link).expect("encodes");
        assert!(qr.size >= 21 + 8 && qr.size <= 41 + 8, "size {}", qr.size);
        assert!(
            qr.path.starts_with("M4 4h1v1h-1z"),
            "the finder pattern starts the top-left corner"
        );
    }

    #[test]
    fn text_too_long_for_a_qr_code_gives_none() {
        assert_eq!(qr(&"x".repeat(5000)), None);
    }
}
