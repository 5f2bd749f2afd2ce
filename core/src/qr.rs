//! A QR code of a link as one SVG path, so the UI draws it without any image library.
//!
//! The encoder is Stagefit's own: byte mode, error correction level M, versions 1 to 40, the
//! mask with the lowest penalty (ISO/IEC 18004, section 7.8.3, scored as the `qrcode` crate
//! scores it, so both choose the same mask). It does only what links need,
//! which keeps it at a tenth of the wasm the `qrcode` crate cost (about 14 KB gzipped). Native
//! tests check that every version and every mask draws exactly the modules `qrcode` draws.

/// A QR code ready to draw: a square of `size` modules (quiet zone included) and a path of
/// the dark modules, one rectangle per horizontal run.
#[derive(Clone, Debug, PartialEq)]
pub struct Qr {
    pub size: usize,
    pub path: String,
}

/// The margin of light modules the QR standard asks for around the code.
const QUIET: usize = 4;

/// Error correction codewords per block at level M, for versions 1 to 40.
const EC_PER_BLOCK: [u8; 40] = [
    10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];

/// Error correction blocks at level M, for versions 1 to 40.
const BLOCKS: [u8; 40] = [
    1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25,
    26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];

/// The QR code for `text`, or `None` if it is too long to encode.
pub fn qr(text: &str) -> Option<Qr> {
    let bytes = text.as_bytes();
    let version = smallest_version(bytes.len())?;
    let modules = Matrix::encode(version, bytes, None);
    let width = modules.size;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if !modules.dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < width && modules.dark(x, y) {
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

/// The smallest version that holds `len` bytes at level M.
fn smallest_version(len: usize) -> Option<usize> {
    (1..=40).find(|&v| capacity_bits(v) >= header_bits(v) + 8 * len)
}

/// Mode indicator and character count.
fn header_bits(version: usize) -> usize {
    4 + if version < 10 { 8 } else { 16 }
}

/// Modules left for data and error correction once the function patterns are drawn.
fn raw_modules(version: usize) -> usize {
    let mut n = (16 * version + 128) * version + 64;
    if version >= 2 {
        let aligns = version / 7 + 2;
        n -= (25 * aligns - 10) * aligns - 55;
        if version >= 7 {
            n -= 36;
        }
    }
    n
}

fn ec_per_block(version: usize) -> usize {
    usize::from(EC_PER_BLOCK[version - 1])
}

fn blocks(version: usize) -> usize {
    usize::from(BLOCKS[version - 1])
}

/// Data bits a version holds at level M.
fn capacity_bits(version: usize) -> usize {
    (raw_modules(version) / 8 - ec_per_block(version) * blocks(version)) * 8
}

/// Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.
fn gf_mul(x: u8, y: u8) -> u8 {
    let mut z: u16 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= u16::from((y >> i) & 1) * u16::from(x);
    }
    z as u8
}

/// The Reed-Solomon error correction codewords of `data`.
fn reed_solomon(data: &[u8], degree: usize) -> Vec<u8> {
    // The generator polynomial (x - 2^0)(x - 2^1)...(x - 2^(degree-1)), leading 1 left out.
    let mut divisor = vec![0_u8; degree];
    divisor[degree - 1] = 1;
    let mut root = 1_u8;
    for _ in 0..degree {
        for j in 0..degree {
            divisor[j] = gf_mul(divisor[j], root);
            if j + 1 < degree {
                divisor[j] ^= divisor[j + 1];
            }
        }
        root = gf_mul(root, 2);
    }
    let mut remainder = vec![0_u8; degree];
    for &b in data {
        let factor = b ^ remainder[0];
        remainder.rotate_left(1);
        remainder[degree - 1] = 0;
        for (r, &d) in remainder.iter_mut().zip(&divisor) {
            *r ^= gf_mul(d, factor);
        }
    }
    remainder
}

/// The final codeword sequence: data in byte mode, padded, cut into blocks, each with its
/// error correction, interleaved.
fn codewords(version: usize, bytes: &[u8]) -> Vec<u8> {
    let capacity = capacity_bits(version);
    let mut bits: Vec<bool> = Vec::with_capacity(capacity);
    fn push(bits: &mut Vec<bool>, value: usize, n: usize) {
        for i in (0..n).rev() {
            bits.push((value >> i) & 1 == 1);
        }
    }
    push(&mut bits, 0b0100, 4);
    push(&mut bits, bytes.len(), header_bits(version) - 4);
    for &b in bytes {
        push(&mut bits, usize::from(b), 8);
    }
    let terminator = (capacity - bits.len()).min(4);
    push(&mut bits, 0, terminator);
    let to_byte = (8 - bits.len() % 8) % 8;
    push(&mut bits, 0, to_byte);
    let mut data: Vec<u8> = bits
        .chunks(8)
        .map(|c| c.iter().fold(0, |acc, &b| (acc << 1) | u8::from(b)))
        .collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if data.len() * 8 >= capacity {
            break;
        }
        data.push(pad);
    }

    let n_blocks = blocks(version);
    let ec = ec_per_block(version);
    let raw = raw_modules(version) / 8;
    let short_blocks = n_blocks - raw % n_blocks;
    let short_len = raw / n_blocks - ec;
    let mut blocks: Vec<(&[u8], Vec<u8>)> = Vec::with_capacity(n_blocks);
    let mut at = 0;
    for i in 0..n_blocks {
        let len = short_len + usize::from(i >= short_blocks);
        let block = &data[at..at + len];
        at += len;
        blocks.push((block, reed_solomon(block, ec)));
    }
    let mut out = Vec::with_capacity(raw);
    for i in 0..=short_len {
        for (block, _) in &blocks {
            if let Some(&b) = block.get(i) {
                out.push(b);
            }
        }
    }
    for i in 0..ec {
        for (_, correction) in &blocks {
            out.push(correction[i]);
        }
    }
    out
}

struct Matrix {
    size: usize,
    modules: Vec<bool>,
    function: Vec<bool>,
}

impl Matrix {
    fn dark(&self, x: usize, y: usize) -> bool {
        self.modules[y * self.size + x]
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.size + x;
        self.modules[i] = dark;
        self.function[i] = true;
    }

    /// The finished symbol; `mask` forces a mask pattern (0 to 7) instead of the best one.
    fn encode(version: usize, bytes: &[u8], mask: Option<u8>) -> Matrix {
        let size = 4 * version + 17;
        let mut m = Matrix {
            size,
            modules: vec![false; size * size],
            function: vec![false; size * size],
        };
        m.draw_function_patterns(version);
        m.draw_codewords(&codewords(version, bytes));
        let chosen = mask.unwrap_or_else(|| {
            let mut best = (u32::MAX, 0);
            for candidate in 0..8 {
                m.apply_mask(candidate);
                m.draw_format(candidate);
                best = best.min((m.penalty(), candidate));
                m.apply_mask(candidate);
            }
            best.1
        });
        m.apply_mask(chosen);
        m.draw_format(chosen);
        m
    }

    fn draw_function_patterns(&mut self, version: usize) {
        let size = self.size;
        for i in 0..size {
            self.set(6, i, i % 2 == 0);
            self.set(i, 6, i % 2 == 0);
        }
        for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4_isize..=4 {
                for dx in -4_isize..=4 {
                    let (x, y) = (cx as isize + dx, cy as isize + dy);
                    if (0..size as isize).contains(&x) && (0..size as isize).contains(&y) {
                        let ring = dx.abs().max(dy.abs());
                        self.set(x as usize, y as usize, ring != 2 && ring != 4);
                    }
                }
            }
        }
        let positions = alignment_positions(version);
        let last = positions.len().saturating_sub(1);
        for (i, &cy) in positions.iter().enumerate() {
            for (j, &cx) in positions.iter().enumerate() {
                // The three corners taken by finder patterns get no alignment pattern.
                if [(0, 0), (0, last), (last, 0)].contains(&(i, j)) {
                    continue;
                }
                for dy in -2_isize..=2 {
                    for dx in -2_isize..=2 {
                        let dark = dx.abs().max(dy.abs()) != 1;
                        self.set(
                            (cx as isize + dx) as usize,
                            (cy as isize + dy) as usize,
                            dark,
                        );
                    }
                }
            }
        }
        // Reserve the format areas now; `draw_format` writes them once the mask is known.
        self.draw_format(0);
        if version >= 7 {
            let mut rem = version;
            for _ in 0..12 {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }
            let bits = (version << 12) | rem;
            for i in 0..18 {
                let dark = (bits >> i) & 1 == 1;
                let (a, b) = (size - 11 + i % 3, i / 3);
                self.set(a, b, dark);
                self.set(b, a, dark);
            }
        }
    }

    /// The 15 format bits (level M, the mask) in both copies, and the dark module.
    fn draw_format(&mut self, mask: u8) {
        let size = self.size;
        let data = usize::from(mask); // level M is 00
        let mut rem = data;
        for _ in 0..10 {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        let bits = ((data << 10) | rem) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        for i in 0..6 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, size - 15 + i, bit(i));
        }
        self.set(8, size - 8, true);
    }

    /// Places the codewords in the two-module-wide zigzag from the bottom right corner.
    fn draw_codewords(&mut self, data: &[u8]) {
        let size = self.size;
        let mut i = 0;
        let mut right = size - 1;
        while right >= 1 {
            if right == 6 {
                right = 5;
            }
            for vertical in 0..size {
                for j in 0..2 {
                    let x = right - j;
                    let upward = (right + 1) & 2 == 0;
                    let y = if upward {
                        size - 1 - vertical
                    } else {
                        vertical
                    };
                    let k = y * size + x;
                    if !self.function[k] && i < data.len() * 8 {
                        self.modules[k] = (data[i >> 3] >> (7 - (i & 7))) & 1 == 1;
                        i += 1;
                    }
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }

    /// Flips the data modules under mask pattern `mask`; applying it twice undoes it.
    fn apply_mask(&mut self, mask: u8) {
        for y in 0..self.size {
            for x in 0..self.size {
                let flip = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                let k = y * self.size + x;
                if flip && !self.function[k] {
                    self.modules[k] = !self.modules[k];
                }
            }
        }
    }

    /// The standard's penalty: long runs, 2×2 blocks, finder-like patterns, dark balance.
    fn penalty(&self) -> u32 {
        let size = self.size;
        let mut score = 0;
        for horizontal in [true, false] {
            for a in 0..size {
                let at = |b: usize| {
                    if horizontal {
                        self.dark(b, a)
                    } else {
                        self.dark(a, b)
                    }
                };
                let mut run = 1;
                for b in 1..=size {
                    if b < size && at(b) == at(b - 1) {
                        run += 1;
                        continue;
                    }
                    if run >= 5 {
                        score += 3 + (run - 5) as u32;
                    }
                    run = 1;
                }
                // A finder-like 1:1:3:1:1 run with four light modules (or the edge) on a side.
                for b in 0..size - 6 {
                    if (0..7).any(|k| at(b + k) != [true, false, true, true, true, false, true][k])
                    {
                        continue;
                    }
                    let dark_in = |from: usize, to: usize| (from..to.min(size)).any(&at);
                    if !dark_in(b.saturating_sub(4), b) || !dark_in(b + 7, b + 11) {
                        score += 40;
                    }
                }
            }
        }
        for y in 0..size - 1 {
            for x in 0..size - 1 {
                let c = self.dark(x, y);
                if c == self.dark(x + 1, y)
                    && c == self.dark(x, y + 1)
                    && c == self.dark(x + 1, y + 1)
                {
                    score += 3;
                }
            }
        }
        let total = size * size;
        let dark = self.modules.iter().filter(|&&d| d).count();
        // 2 points for every 1% the dark share is away from 50%.
        score + (dark * 200 / total).abs_diff(100) as u32
    }
}

/// Centres of alignment patterns on each axis for a version.
fn alignment_positions(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let size = 4 * version + 17;
    let step = if version == 32 {
        26
    } else {
        (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
    };
    let mut positions: Vec<usize> = (0..count - 1).map(|i| size - 7 - i * step).collect();
    positions.push(6);
    positions.reverse();
    positions
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use qrcode::bits::Bits;
    use qrcode::canvas::{Canvas, MaskPattern};
    use qrcode::{EcLevel, Version};

    /// What the `qrcode` crate draws for `bytes` in byte mode at `version`, with `mask`.
    fn reference(version: usize, bytes: &[u8], mask: u8) -> Vec<bool> {
        let v = Version::Normal(version as i16);
        let mut bits = Bits::new(v);
        bits.push_byte_data(bytes).expect("fits");
        bits.push_terminator(EcLevel::M).expect("fits");
        let (data, ec) =
            qrcode::ec::construct_codewords(&bits.into_bytes(), v, EcLevel::M).expect("codewords");
        let mut canvas = Canvas::new(v, EcLevel::M);
        canvas.draw_all_functional_patterns();
        canvas.draw_data(&data, &ec);
        let pattern = [
            MaskPattern::Checkerboard,
            MaskPattern::HorizontalLines,
            MaskPattern::VerticalLines,
            MaskPattern::DiagonalLines,
            MaskPattern::LargeCheckerboard,
            MaskPattern::Fields,
            MaskPattern::Diamonds,
            MaskPattern::Meadow,
        ][usize::from(mask)];
        canvas.apply_mask(pattern);
        canvas
            .into_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect()
    }

    #[test]
    fn every_version_and_mask_draws_what_the_qrcode_crate_draws() {
        for version in 1..=40 {
            // The longest text that fits this version, and a short one for version 1.
            let fits = (capacity_bits(version) - header_bits(version)) / 8;
            let text: Vec<u8> = (0..fits).map(|i| (i * 37 + version) as u8).collect();
            for mask in 0..8 {
                let ours = Matrix::encode(version, &text, Some(mask));
                assert_eq!(
                    ours.modules,
                    reference(version, &text, mask),
                    "version {version}, mask {mask}"
                );
            }
        }
    }

    #[test]
    fn the_mask_chosen_is_the_one_the_qrcode_crate_chooses() {
        let mut same = 0;
        let texts: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "https://example.org/stagefit/#r={}\u{e9}",
                    "AbC-9_".repeat(i * 7 % 385 + 1)
                )
            })
            .collect();
        for text in &texts {
            let version = smallest_version(text.len()).expect("fits");
            let ours = Matrix::encode(version, text.as_bytes(), None);
            let mut bits = Bits::new(Version::Normal(version as i16));
            bits.push_byte_data(text.as_bytes()).expect("fits");
            bits.push_terminator(EcLevel::M).expect("fits");
            let theirs: Vec<bool> = qrcode::QrCode::with_bits(bits, EcLevel::M)
                .expect("encodes")
                .into_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect();
            same += usize::from(ours.modules == theirs);
        }
        assert_eq!(same, texts.len());
    }

    #[test]
    fn the_smallest_version_is_chosen() {
        for len in [0, 1, 14, 15, 26, 27, 100, 213, 214, 2331] {
            let text = "a".repeat(len);
            let ours = qr(&text).expect("encodes");
            let reference = qrcode::QrCode::with_version(
                text.as_bytes(),
                Version::Normal(((ours.size - 2 * QUIET - 17) / 4) as i16),
                EcLevel::M,
            );
            assert!(reference.is_ok(), "{len} bytes fit the version chosen");
            if ours.size > 21 + 2 * QUIET {
                let smaller = Version::Normal(((ours.size - 2 * QUIET - 17) / 4 - 1) as i16);
                let mut bits = Bits::new(smaller);
                let fits = bits.push_byte_data(text.as_bytes()).is_ok()
                    && bits.push_terminator(EcLevel::M).is_ok();
                assert!(!fits, "{len} bytes would not fit one version smaller");
            }
        }
    }

    #[test]
    fn a_share_link_becomes_a_small_qr_code() {
        let link = "https://example.org/stagefit/#r=EBTlLkIpylOUpylOAAAY";
        let qr = qr(link).expect("encodes");
        assert!(qr.size >= 21 + 8 && qr.size <= 41 + 8, "size {}", qr.size);
        assert!(
            qr.path.starts_with("M4 4h7v1h-7z"),
            "the finder pattern starts the top-left corner: {}",
            &qr.path[..40]
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
