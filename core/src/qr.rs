//! A link as a QR code, drawn as one SVG path so the UI needs no image library.
//!
//! The `qrcode` crate encodes (error correction level M, the smallest version that holds the
//! text); this module only turns its modules into a path with the quiet zone the standard asks
//! for. It must never encode by itself, and never fails: text too long for any QR code gives
//! `None`.

use qrcode::{Color, EcLevel, QrCode};

/// A QR code ready to draw: a square of `size` modules (quiet zone included) and a path of
/// the dark modules, one rectangle per horizontal run.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub size: usize,
    pub path: String,
}

/// The margin of light modules the QR standard asks for around the code.
const QUIET: usize = 4;

/// The QR code for `text`, or `None` if it is too long to encode.
pub fn qr(text: &str) -> Option<Qr> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.into_colors();
    let mut path = String::new();
    for (y, row) in colors.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Light {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && row[x] == Color::Dark {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!("M{} {}h{run}v1h-{run}z", start + QUIET, y + QUIET));
        }
    }
    Some(Qr {
        size: width + 2 * QUIET,
        path,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::{Answer, Answers, BANK, link, report};
    use resvg::{tiny_skia, usvg};

    /// Pixels per module when the drawing is rasterized: a phone camera sees many more.
    const SCALE: u32 = 4;

    /// The code as the UI draws it (the same `<svg>` as `src/ui/results.rs` and
    /// `src/ui/workshop.rs`), rasterized by resvg and read back by rqrr, as a phone would.
    /// Returns the error correction level's format bits and the text.
    fn scan(code: &Qr) -> Result<(u16, String), String> {
        let svg = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {0} {0}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="{1}" fill="#000"/></svg>"##,
            code.size, code.path
        );
        let tree =
            usvg::Tree::from_str(&svg, &usvg::Options::default()).map_err(|e| e.to_string())?;
        let side = code.size as u32 * SCALE;
        let mut pixmap = tiny_skia::Pixmap::new(side, side).ok_or("no pixmap")?;
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(SCALE as f32, SCALE as f32),
            &mut pixmap.as_mut(),
        );
        let pixels = pixmap.pixels();
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(side as usize, side as usize, |x, y| {
                pixels[y * side as usize + x].demultiply().green()
            });
        let grids = image.detect_grids();
        let [grid] = grids.as_slice() else {
            return Err(format!("{} codes found", grids.len()));
        };
        grid.decode()
            .map(|(meta, text)| (meta.ecc_level, text))
            .map_err(|e| e.to_string())
    }

    fn full_answers() -> Answers {
        let mut answers = Answers::new(&BANK);
        for (i, q) in BANK.questions.iter().enumerate() {
            answers.set(i, Answer::Chosen((i % q.options.len()) as u8));
        }
        answers
    }

    #[test]
    fn a_drawn_code_scans_back_to_the_link() {
        let answers = full_answers();
        let share = format!(
            "https://example.org/stagefit/#r={}",
            link::encode(&BANK, &answers, "")
        );
        let label = "Équipe plateforme, Q3 ✓ ".repeat(4);
        let labelled = format!(
            "https://example.org/stagefit/#r={}&w=k3j4h5",
            link::encode(&BANK, &answers, &label)
        );
        assert_eq!(
            report::clean_label(&label).chars().count(),
            report::LABEL_MAX
        );
        let long = format!("{labelled}&{}", "note=a%20long%20tail".repeat(30));
        for text in [
            "https://x.org/#join=w1.Team",
            share.as_str(),
            labelled.as_str(),
            long.as_str(),
        ] {
            let code = qr(text).expect("a link fits a QR code");
            // Format bits 00 mean level M (ISO/IEC 18004, table 12).
            assert_eq!(
                scan(&code),
                Ok((0, text.to_string())),
                "{} modules",
                code.size
            );
        }
    }

    #[test]
    fn a_share_link_becomes_a_small_qr_code_with_its_quiet_zone() {
        let link = "https://example.org/stagefit/#r=EBTlLkIpylOUpylOAAAY";
        let code = qr(link).expect("encodes");
        // Versions 1 to 6 are 21 to 41 modules wide; the quiet zone adds 4 on each side.
        assert!((21 + 8..=41 + 8).contains(&code.size), "size {}", code.size);
        assert!(
            code.path.starts_with("M4 4h7v1h-7z"),
            "the finder pattern starts the top-left corner, inside the quiet zone: {}",
            &code.path[..40]
        );
    }

    #[test]
    fn text_too_long_for_a_qr_code_gives_none() {
        assert_eq!(qr(&"x".repeat(5000)), None);
        assert!(
            qr(&"x".repeat(2331)).is_some(),
            "version 40 at level M holds 2331 bytes"
        );
        assert_eq!(qr(&"x".repeat(2332)), None);
    }
}
